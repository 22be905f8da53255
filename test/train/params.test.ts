import { describe, expect, it } from "vitest";
import { ConfigError, InputError, UsageError } from "../../src/errors.ts";
import {
  applyOverrides,
  describeOverrides,
  loadParams,
  paramEnvironment,
  parseOverrides,
} from "../../src/config/params.ts";
import { tempDir, writeFiles } from "../helpers/temp.ts";

/** Hyperparameters: files, inline mappings, `--set` overrides and the environment the command sees. */

/** The UsageError `fn` throws. */
function usageErrorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  expect.fail("expected a UsageError");
}

describe("loading params", () => {
  it("reads a YAML file, a JSON file and an inline mapping alike", async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      "params.yml": "# comment\nlr: 0.1\nepochs: 300\nfeatures: [a, b]\nopt: { name: adam, beta: 0.9 }\n",
      "params.json": '{"lr": 0.1, "epochs": 300, "features": ["a", "b"], "opt": {"name": "adam", "beta": 0.9}}',
    });
    const expected = { lr: 0.1, epochs: 300, features: ["a", "b"], opt: { name: "adam", beta: 0.9 } };
    expect(await loadParams("params.yml", dir)).toEqual(expected);
    expect(await loadParams("params.json", dir)).toEqual(expected);
    const inline = { ...expected };
    const loaded = await loadParams(inline, dir);
    expect(loaded).toEqual(expected);
    expect(loaded).not.toBe(inline); // a copy: overrides must not change the loaded config
    expect(await loadParams(undefined, dir)).toEqual({});
  });

  it("names a params file that is missing, not JSON, or not a mapping", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "bad.json": "{ lr: ", "list.yml": "- 1\n- 2\n", "list.json": "[1]" });
    const failure = (source: string) => loadParams(source, dir).catch((thrown: unknown) => thrown);

    const missingJson = await failure("nope.json");
    expect(missingJson).toBeInstanceOf(InputError);
    expect((missingJson as InputError).describe()).toBe(
      "params file not found: nope.json\n  hint: train.params is relative to mlops.yml",
    );
    const missingYaml = await failure("nope.yml");
    expect((missingYaml as InputError).describe()).toBe(
      "no params file at nope.yml\n  hint: train.params is relative to mlops.yml",
    );
    expect((await failure("bad.json")) as Error).toMatchObject({
      message: expect.stringMatching(/^params file bad\.json is not valid JSON: /) as string,
    });
    expect(((await failure("list.json")) as Error).message).toBe(
      "params file list.json must hold a mapping of name: value",
    );
  });

  it("reports a broken YAML params file with its line, like the config", async () => {
    const dir = await tempDir();
    await writeFiles(dir, { "params.yml": "lr: 0.1\nlr: 0.2\n", "list.yml": "- 1\n" });
    const error: unknown = await loadParams("params.yml", dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).describe()).toBe(
      "params.yml:2:1: error: YAML: duplicate key: this key already appears in the same mapping\n" +
        "  hint: remove one of them; YAML would otherwise silently keep only one value",
    );
    const list: unknown = await loadParams("list.yml", dir).catch((thrown: unknown) => thrown);
    expect((list as ConfigError).diagnostics[0]?.message).toBe(
      "expected a mapping (key: value lines) at the top level, found a list",
    );
  });
});

describe("--set overrides", () => {
  const params = { lr: 0.1, epochs: 300, name: "base", features: ["a"], opt: { name: "adam", beta: 0.9 } };

  it("reads values as YAML scalars", () => {
    const set = (value: string): unknown => applyOverrides(params, [`name=${value}`]).name;
    expect(set("0.05")).toBe(0.05);
    expect(set("1e-3")).toBe(0.001);
    expect(set("42")).toBe(42);
    expect(set("true")).toBe(true);
    expect(set("null")).toBeNull();
    expect(set("")).toBeNull();
    expect(set("'42'")).toBe("42");
    expect(set("hello world")).toBe("hello world");
    expect(set("[a, b, 3]")).toEqual(["a", "b", 3]);
    expect(set("{x: 1}")).toEqual({ x: 1 });
    expect(set("a=b")).toBe("a=b"); // only the first '=' separates name from value
  });

  it("applies several overrides in order and leaves the input untouched", () => {
    const result = applyOverrides(params, ["lr=0.2", "epochs=3", "lr=0.3"]);
    expect(result).toEqual({ ...params, lr: 0.3, epochs: 3 });
    expect(params.lr).toBe(0.1);
  });

  it("reaches into nested params with dotted names", () => {
    const result = applyOverrides(params, ["opt.beta=0.99", "opt.name=sgd"]);
    expect(result.opt).toEqual({ name: "sgd", beta: 0.99 });
  });

  it("refuses an unknown param and suggests the near one", () => {
    const error = usageErrorOf(() => applyOverrides(params, ["epoch=3"]));
    expect(error.describe()).toBe('--set epoch: there is no param "epoch"\n  hint: did you mean "epochs"?');
    const nested = usageErrorOf(() => applyOverrides(params, ["opt.bta=0.5"]));
    // The hint spells the name as --set does, so it can be pasted back.
    expect(nested.describe()).toBe('--set opt.bta: there is no param "opt.bta"\n  hint: did you mean "opt.beta"?');
    expect(usageErrorOf(() => applyOverrides(params, ["opt.dropout=0.5"])).hint).toBe(
      "known params: opt.name, opt.beta",
    );
    const far = usageErrorOf(() => applyOverrides(params, ["dropout=0.5"]));
    expect(far.hint).toBe("known params: lr, epochs, name, features, opt");
    expect(usageErrorOf(() => applyOverrides({}, ["x=1"])).hint).toBe("known params: (none)");
  });

  it("refuses a dotted name through a value that is not a mapping", () => {
    expect(usageErrorOf(() => applyOverrides(params, ["lr.x=1"])).message).toBe('--set lr.x: "lr" is not a mapping');
    expect(usageErrorOf(() => applyOverrides(params, ["features.0=b"])).message).toBe(
      '--set features.0: "features" is not a mapping',
    );
  });

  it("refuses an override without a name or '='", () => {
    expect(usageErrorOf(() => applyOverrides(params, ["epochs"])).message).toBe("--set epochs: expected name=value");
    expect(usageErrorOf(() => applyOverrides(params, ["=3"])).message).toBe("--set =3: expected name=value");
  });

  it("refuses a value YAML cannot read, as a usage error rather than a crash", () => {
    const error = usageErrorOf(() => applyOverrides(params, ["features=[a, b"]));
    expect(error.message).toBe('--set features: cannot read the value "[a, b" as YAML');
    expect(error.hint).toMatch(/quote it/);
    expect(usageErrorOf(() => applyOverrides(params, ["name=*alias"])).message).toBe(
      '--set name: cannot read the value "*alias" as YAML',
    );
  });
});

describe("overrides in words", () => {
  it("are a command line that sets them again: values as YAML, quoted for the shell when they need it", () => {
    const words = describeOverrides(
      parseOverrides(["train.epochs=2500", "name='42'", "features=[a, b]", "note=it's", "off=", "opt={x: 1}"]),
    );
    expect(words).toBe(
      `--set train.epochs=2500 --set 'name="42"' --set 'features=[a, b]' --set 'note=it'\\''s' --set off=null --set 'opt={x: 1}'`,
    );
  });
});

describe("the params environment", () => {
  it("exposes each top-level param as MLOPS_PARAM_<NAME>: text as is, everything else as JSON", () => {
    expect(
      paramEnvironment({
        lr: 0.1,
        name: "adam",
        "batch-size": 32,
        "drop.out": true,
        features: ["a", "b"],
        opt: { beta: 0.9 },
        none: null,
      }),
    ).toEqual({
      MLOPS_PARAM_LR: "0.1",
      MLOPS_PARAM_NAME: "adam",
      MLOPS_PARAM_BATCH_SIZE: "32",
      MLOPS_PARAM_DROP_OUT: "true",
      MLOPS_PARAM_FEATURES: '["a","b"]',
      MLOPS_PARAM_OPT: '{"beta":0.9}',
      MLOPS_PARAM_NONE: "null",
    });
  });
});
