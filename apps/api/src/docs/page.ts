// GET /docs: Swagger UI from the swagger-ui-dist package, served by us (no
// CDN), pointed at /openapi.json.
import path from "node:path";

/** Directory of swagger-ui-dist's static files. */
export const SWAGGER_UI_DIR = path.dirname(require.resolve("swagger-ui-dist/package.json"));

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Opsdeck API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

/** Kept out of the HTML so the page's CSP can forbid inline scripts. */
export const DOCS_INIT_JS = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });\n`;
