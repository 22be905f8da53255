/**
 * The secret values among the AWS settings in an environment: what an action must mask (`core.setSecret`) before it
 * logs anything, so a credential that ends up in an error message or a debug line shows as *** in the job log.
 * The access key id is not a secret in AWS's eyes, but it names the key; configure-aws-credentials masks it too.
 */
const SECRET_VARIABLES = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID"] as const;

export function credentialSecrets(env: NodeJS.ProcessEnv): string[] {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? "").filter((value) => value.length >= 4);
}
