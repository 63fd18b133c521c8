export * from "./health";
export * from "./integrations";
export * from "./messages";
export * from "./reputation";
