-- Credentials go over an unencrypted connection (tls_mode 'none') only to
-- loopback, unless an integration says otherwise here. Existing integrations
-- get false as well: one that authenticates in plaintext to a remote relay
-- stops doing so (its checks report plaintext_auth_refused) until an operator
-- sets the flag or switches it to starttls/tls.
ALTER TABLE "smtp_integrations" ADD COLUMN "allow_plaintext_auth" BOOLEAN NOT NULL DEFAULT false;
