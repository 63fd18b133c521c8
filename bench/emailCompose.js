#!/usr/bin/env node
// Benchmark: the CPU nodemailer spends producing one message and its envelope, given
// its From and To as strings (nodemailer alone: it parses each address header twice, for
// the header and for the envelope) against the worker's way (apps/worker/src/email/
// template.ts, parsedAddress: the batch's From parsed once, each recipient once, handed
// over as { name, address }). Nothing is sent: nodemailer's stream transport renders the
// message into a buffer, the same composer the SMTP pool uses.
//   npm run build && node bench/emailCompose.js [messages=10000] [rounds=7]
// Output: CPU µs a message, each way, per round (alternating), their medians, and the
// ratio parsed / strings (lower is better). The two outputs are checked equal first.
"use strict";
const path = require("node:path");
const nodemailer = require("nodemailer");

const root = path.resolve(__dirname, "..");
const { parsedAddress } = require(path.join(root, "apps/worker/dist/email/template.js"));

const messages = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 7);
const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
const FROM = "Bench <bench@example.com>";
const sender = parsedAddress(FROM);

const mail = (i, parsed) => ({
  from: parsed ? sender : FROM,
  to: parsed ? parsedAddress(`user${i}@run.example.com`) : `user${i}@run.example.com`,
  subject: `Hello User ${i}`,
  text: `Hi User ${i}, your code is ${1000 + i}.`,
  html: `<p>Hi User ${i}</p>`,
  messageId: `<run-${i}@example.com>`,
});

/** CPU µs per message (user + system) to produce `messages` messages one way. */
async function round(parsed) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < messages; i++) await transport.sendMail(mail(i, parsed));
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / messages;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const fixed = { date: new Date(0), baseBoundary: "fixed" };
  const a = await transport.sendMail({ ...mail(1, false), ...fixed });
  const b = await transport.sendMail({ ...mail(1, true), ...fixed });
  if (a.message.toString() !== b.message.toString() || JSON.stringify(a.envelope) !== JSON.stringify(b.envelope)) {
    throw new Error("the two ways produce different messages");
  }
  await round(false); // warm-up, both ways
  await round(true);
  const strings = [];
  const parsed = [];
  console.log(`${messages} messages a round, ${rounds} rounds, ${new Date().toISOString()}`);
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so a drift in the machine's speed lands on both.
    const first = r % 2 === 0;
    const s = first ? await round(false) : null;
    const p = await round(true);
    const s2 = s ?? (await round(false));
    strings.push(s2);
    parsed.push(p);
    console.log(
      `round ${r + 1}: strings ${s2.toFixed(1)} µs/msg, parsed ${p.toFixed(1)} µs/msg, ratio ${(p / s2).toFixed(3)}`,
    );
  }
  const ms = median(strings);
  const mp = median(parsed);
  console.log(
    `median: strings ${ms.toFixed(1)} µs/msg, parsed ${mp.toFixed(1)} µs/msg, ratio parsed / strings ${(mp / ms).toFixed(3)}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
