import { dropDatabase } from "../../packages/db/src/ensureDatabase";
import { SERVER_URL } from "./globalSetup";

export default async function globalTeardown(): Promise<void> {
  const template = process.env.OPSDECK_TEST_TEMPLATE;
  if (template) await dropDatabase(`${SERVER_URL}/${template}`);
}
