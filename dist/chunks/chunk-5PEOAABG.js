import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/store/credentials.ts
var SECRET_VARIABLES = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID"];
function credentialSecrets(env) {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? "").filter((value) => value.length >= 4);
}

// src/command/redact.ts
var SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i;
var MIN_SECRET_LENGTH = 6;
var REDACTED = "***";
function secretValues(env) {
  const values = /* @__PURE__ */ new Set();
  const add = (value) => {
    for (const line of value.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) values.add(trimmed);
    }
    if (value.trim().length >= MIN_SECRET_LENGTH) values.add(value.trim());
  };
  for (const [name, value] of Object.entries(env)) if (value && SECRET_NAME.test(name)) add(value);
  for (const value of credentialSecrets(env)) add(value);
  return [...values];
}
function createRedactor(secrets) {
  if (secrets.length === 0) return (text) => text;
  const pattern = new RegExp(
    [...secrets].sort((a, b) => b.length - a.length).map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
    "g"
  );
  return (text) => text.replace(pattern, REDACTED);
}
function redactorFor(env) {
  return createRedactor(secretValues(env));
}

export {
  credentialSecrets,
  secretValues,
  redactorFor
};
