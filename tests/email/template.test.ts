// The worker hands nodemailer each batch's From and each recipient already
// parsed (parsedAddress): the message nodemailer writes, and its envelope, must
// be byte for byte the ones it writes from the strings.
import nodemailer, { type SendMailOptions } from "nodemailer";

import { parsedAddress, renderFor } from "../../apps/worker/src/email/template";

const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });

/** The message and envelope nodemailer produces, with what it would otherwise pick at random fixed. */
async function compose(from: unknown, to: unknown): Promise<{ raw: string; envelope: unknown }> {
  const info = (await transport.sendMail({
    from,
    to,
    subject: "Receipt",
    text: "Hi",
    html: "<p>Hi</p>",
    messageId: "<fixed@example.com>",
    date: new Date(0),
    baseBoundary: "fixed",
  } as SendMailOptions)) as unknown as { message: Buffer; envelope: unknown };
  return { raw: info.message.toString(), envelope: info.envelope };
}

const FROMS = [
  "Bench <bench@example.com>",
  "bench@example.com",
  '"Acme, Inc." <billing@Example.COM>',
  "Jõgeva Pood <pood@jõgeva.ee>",
  "=?utf-8?Q?J=C3=B5geva?= <pood@example.com>",
  "bench@example.com (Billing)",
  "Ünïcödé Näme <x@example.org>",
];
const RECIPIENTS = ["alice@example.com", "Bob.Smith+tag@Example.COM", "user@xn--jgeva-dua.ee", "o'neil@example.co.uk"];

describe("parsedAddress", () => {
  it("parses one address into name and address, and leaves anything else as given", () => {
    expect(parsedAddress("Bench <bench@example.com>")).toEqual({ name: "Bench", address: "bench@example.com" });
    expect(parsedAddress("alice@example.com")).toEqual({ name: "", address: "alice@example.com" });
    expect(parsedAddress("a@example.com, b@example.com")).toBe("a@example.com, b@example.com");
    expect(parsedAddress("Team: a@example.com, b@example.com;")).toBe("Team: a@example.com, b@example.com;");
    expect(parsedAddress("")).toBe("");
  });

  it.each(FROMS.flatMap((from) => RECIPIENTS.map((to) => [from, to])))(
    "From %s to %s: the same message and envelope as from the strings",
    async (from, to) => {
      const fromStrings = await compose(from, to);
      const fromParsed = await compose(parsedAddress(from), parsedAddress(to));
      expect(fromParsed.raw).toBe(fromStrings.raw);
      expect(fromParsed.envelope).toEqual(fromStrings.envelope);
    },
  );
});

describe("renderFor", () => {
  it("fills placeholders, escaping them in HTML only, and keeps line breaks out of the subject", () => {
    const payload = {
      campaign_id: "c1",
      from: "Bench <bench@example.com>",
      subject: "Hello {{name}}",
      text: "Hi {{name}} <{{email}}>",
      html: "<p>Hi {{ name }}{{missing}}</p>",
      recipients: [],
    };
    const out = renderFor(payload as never, { email: "a@example.com", variables: { name: "<b>A\r\nB</b>" } });
    expect(out.subject).toBe("Hello <b>A B</b>");
    expect(out.text).toBe("Hi <b>A\r\nB</b> <a@example.com>");
    expect(out.html).toBe("<p>Hi &lt;b&gt;A\r\nB&lt;/b&gt;</p>");
  });
});
