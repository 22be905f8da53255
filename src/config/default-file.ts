/**
 * The config file every command reads unless `--config` names another. Apart from load.ts so that the CLI door can
 * name it in its help without loading the YAML parser and the zod schema.
 */
export const DEFAULT_CONFIG_FILE = "mlops.yml";
