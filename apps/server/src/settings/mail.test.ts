import { expect, test } from "bun:test";
import { ConfigError, loadConfig } from "../config.ts";

test("without GG_SMTP_URL mail stays in the outbox: no SMTP settings reach the runtime", () => {
  expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: undefined, worker: true, backoffBaseMs: 30_000, pollIntervalMs: 1000 });
});

test("GG_SMTP_URL and GG_MAIL_FROM reach the runtime's mail options", () => {
  const config = loadConfig({ GG_SMTP_URL: "smtps://user:p%40ss@smtp.example.com:465", GG_MAIL_FROM: "Acme <no-reply@example.com>", GG_MAIL_BACKOFF_BASE_MS: "5000" });
  expect(config.mail).toMatchObject({ smtpUrl: "smtps://user:p%40ss@smtp.example.com:465", from: "Acme <no-reply@example.com>", backoffBaseMs: 5000 });
});

test("a bad SMTP set-up is refused at start with the variable named, never echoing the URL's password", () => {
  expect(() => loadConfig({ GG_SMTP_URL: "smtp://smtp.example.com:587" })).toThrow(/GG_MAIL_FROM is required with GG_SMTP_URL/);
  const wrongScheme = () => loadConfig({ GG_SMTP_URL: "https://user:hunter2@smtp.example.com", GG_MAIL_FROM: "a@b.c" });
  expect(wrongScheme).toThrow(ConfigError);
  expect(wrongScheme).toThrow(/GG_SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
  try {
    wrongScheme();
  } catch (error) {
    expect(String(error)).not.toContain("hunter2");
  }
  expect(() => loadConfig({ GG_SMTP_URL: "not a url", GG_MAIL_FROM: "a@b.c" })).toThrow(/GG_SMTP_URL must be a URL/);
  expect(() => loadConfig({ GG_SMTP_URL: "smtp://h", GG_MAIL_FROM: "nobody" })).toThrow(/GG_MAIL_FROM/);
  expect(() => loadConfig({ GG_SMTP_URL: "smtp://h", GG_MAIL_FROM: "a@b.c\r\nBcc: x@y.z" })).toThrow(/GG_MAIL_FROM/);
});
