import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  FREQUENT_CAPACITY,
  RepeatWriter,
  findRepeats,
  keyOf,
  mergeCheckFindings,
  mergeColumnState,
  mergeRepeatTallies,
  mergeTallies,
  partitionBitsFor,
  planRanges,
  readFieldsAt,
  scanRange,
  shiftTallies,
  shortText,
  tallyOf
} from "./chunk-CXLN3UR2.js";
import {
  CorruptObjectError,
  createLocalStore
} from "./chunk-N26MFBKU.js";
import {
  CACHE_BACKENDS,
  KIT_VERSION,
  NAME_PATTERN,
  NAME_RULE,
  YamlSourceError,
  ZodISODate,
  ZodISODateTime,
  ZodISODuration,
  ZodISOTime,
  _enum,
  _isoDate,
  _isoDateTime,
  _isoDuration,
  _isoTime,
  array,
  boolean,
  closestMatch,
  describeFailure,
  digestFiles,
  evaluateModel,
  evaluateSection,
  explainReadError,
  fingerprintFiles,
  formatOf,
  formatShort,
  gateSection,
  legParams,
  literal,
  measureDrift,
  number,
  object,
  openTable,
  publishSection,
  readYamlFile,
  record,
  renderMarkdown,
  require_dist,
  runCommand,
  runGate,
  sha256File,
  string,
  toRelative,
  tuple,
  unknown,
  validateSection
} from "./chunk-UYX66RUR.js";
import {
  HLL_STANDARD_ERROR,
  HyperLogLog,
  KLL_RANK_ERROR,
  KllView,
  decodeRegisters,
  formatDatetime,
  isGzip,
  isMissingToken,
  parseBoolean,
  parseDatetime,
  parseNumber,
  parsed,
  sampleStd
} from "./chunk-55QIH2BG.js";
import {
  describePathProblem,
  isInside,
  isS3Uri,
  parseS3Uri,
  relativePathProblem
} from "./chunk-H6UPHFKP.js";
import {
  ConfigError,
  ExitCode,
  ExternalError,
  InputError,
  UsageError,
  UserError,
  isErrnoException
} from "./chunk-XOZC47AQ.js";
import {
  __commonJS,
  __export,
  __toESM
} from "./chunk-RZGYXAJU.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path18, { windows } = {}) => {
      const segs = path18.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal2 = normalizeSimpleBranch(branch);
        if (literal2 && literal2.length === 1) {
          safeChars.push(literal2);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal2 = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal2;
          open.output = safeOutput || utils.escapeRegex(literal2);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix2 });
        const result = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix2 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed2 = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed2.output = parse.fastpaths(input, options);
      }
      if (!parsed2.output) {
        parsed2 = parse(input, options);
      }
      return picomatch2.compileRe(parsed2, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path18) {
  let normalized = normalize(path18);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path18, separator) {
  return path18.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path18) {
  return path18 === "/" || WINDOWS_ROOT_DIR_REGEX.test(path18);
}
function normalizePath(path18, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path18.includes("/") || path18.startsWith(".");
  if (resolvePaths) path18 = resolve(path18);
  if (normalizePath$1 || pathNeedsCleaning) path18 = cleanPath(path18);
  if (path18 === ".") return "";
  const needsSeperator = path18[path18.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path18 + pathSeparator : path18, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path18 = directoryPath || ".";
  if (filters.every((filter) => filter(path18, true))) paths.push(path18);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path18, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path18, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs.stat(resolvedPath, (error$1, stat3) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat3.isDirectory() && isRecursive(path18, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat3, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path18, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path18);
    const stat3 = fs.statSync(resolvedPath);
    if (stat3.isDirectory() && isRecursive(path18, resolvedPath, state)) return;
    callback$1(stat3, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path18, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path18);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path18, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path18 = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path18)) continue;
        this.pushDirectory(path18, paths, filters);
        this.walkDirectory(this.state, path18, path18, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path18 = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path18, this.state, (stat3, resolvedPath) => {
          if (stat3.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path18 + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path18 + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path18;
            const filename = basename(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path18) => isMatch(path18));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path18) {
  return path18.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path18) {
  var _result$parts;
  const result = import_picomatch.default.scan(path18, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path18];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path18) => path18.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path18) => path18.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory) => {
      const path18 = format(p, isDirectory);
      const matches = matcher(path18) && !ignore(path18);
      if (matches) log(`matched ${path18}`);
      return matches;
    } : (p, isDirectory) => {
      const path18 = format(p, isDirectory);
      return matcher(path18) && !ignore(path18);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative2] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative2) : [];
}

// src/cache/open.ts
import path5 from "node:path";

// node_modules/zod/v4/classic/iso.js
var iso_exports = {};
__export(iso_exports, {
  ZodISODate: () => ZodISODate,
  ZodISODateTime: () => ZodISODateTime,
  ZodISODuration: () => ZodISODuration,
  ZodISOTime: () => ZodISOTime,
  date: () => date,
  datetime: () => datetime,
  duration: () => duration,
  time: () => time
});
function datetime(params) {
  return _isoDateTime(ZodISODateTime, params);
}
function date(params) {
  return _isoDate(ZodISODate, params);
}
function time(params) {
  return _isoTime(ZodISOTime, params);
}
function duration(params) {
  return _isoDuration(ZodISODuration, params);
}

// src/store/open.ts
import path from "node:path";
async function openObjectStore(uri, root, settings2 = {}) {
  if (!isS3Uri(uri)) return createLocalStore(path.resolve(root, uri));
  const location = parseS3Uri(uri);
  if (!location) throw new UserError(`"${uri}" is not a valid s3://bucket/prefix URI`);
  const { createS3Store } = await import("./s3-store-RBRCIS7F.js");
  return createS3Store(
    { bucket: location.bucket, prefix: location.key.replace(/\/+$/, "") },
    {
      ...settings2.region === void 0 ? {} : { region: settings2.region },
      ...settings2.endpoint === void 0 ? {} : { endpoint: settings2.endpoint },
      ...settings2.forcePathStyle === void 0 ? {} : { forcePathStyle: settings2.forcePathStyle }
    },
    settings2.env
  );
}
function projectStoreSettings(registry, env) {
  return { env, region: registry.region, endpoint: registry.endpoint, forcePathStyle: registry.force_path_style };
}

// src/cache/actions-backend.ts
import { copyFile as copyFile2, link, mkdir as mkdir2, readFile, rm as rm2, writeFile } from "node:fs/promises";
import path3 from "node:path";

// src/cache/entry.ts
import { copyFile, mkdir, rename, rm, stat as stat2 } from "node:fs/promises";
import path2 from "node:path";

// src/cache/key.ts
import { createHash } from "node:crypto";
var CACHE_FORMAT_VERSION = 1;
var KEY_PARTS = [
  "command",
  "params",
  "env",
  "outputs",
  "code",
  "data",
  "lockfiles",
  "platform",
  "runtimes",
  "format"
];
function cacheKeyOf(material) {
  const hash = sha256Text(canonicalJson(material));
  const parts = Object.fromEntries(
    KEY_PARTS.map((part) => [part, sha256Text(canonicalJson(material[part])).slice(0, 16)])
  );
  return { hash, id: `mlops-train-${material.model}-${hash}`, parts };
}
function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value).sort().map((key) => [key, sortKeys(value[key])])
    );
  }
  return value;
}
function sha256Text(text) {
  return createHash("sha256").update(text).digest("hex");
}

// src/cache/entry.ts
var RunReference = object({
  id: string(),
  startedAt: string(),
  durationMs: number(),
  gitSha: string().nullable(),
  ref: string().nullable(),
  runUrl: string().nullable(),
  actor: string().nullable()
});
var Sha256 = string().regex(/^[0-9a-f]{64}$/);
var EntryManifest = object({
  format: literal(CACHE_FORMAT_VERSION),
  key: Sha256,
  createdAt: string(),
  run: RunReference,
  params: record(string(), unknown()),
  /** The declared outputs and what each was: a file or a folder (possibly empty). */
  outputs: array(object({ path: string(), kind: _enum(["file", "dir"]) })),
  files: array(object({ path: string(), size: number().int().nonnegative(), sha256: Sha256 }))
});
function blobName(sha256) {
  return `blobs/${sha256.slice(0, 2)}/${sha256}`;
}
async function verifyEntry(fetched, keyHash, declared) {
  let manifest;
  try {
    const parsed2 = EntryManifest.safeParse(JSON.parse(fetched.manifest));
    if (!parsed2.success) return { ok: false, problem: "its manifest is not a valid cache manifest", badBlobs: [] };
    manifest = parsed2.data;
  } catch {
    return { ok: false, problem: "its manifest is not JSON (truncated?)", badBlobs: [] };
  }
  if (manifest.key !== keyHash) return { ok: false, problem: "its manifest belongs to another key", badBlobs: [] };
  const outputs = manifest.outputs.map((o) => o.path);
  if (outputs.length !== declared.length || outputs.some((o, i) => o !== declared[i])) {
    return { ok: false, problem: "its outputs are not the declared train.outputs", badBlobs: [] };
  }
  for (const file of manifest.files) {
    if (relativePathProblem(file.path) || !outputs.some((o) => isWithin(o, file.path))) {
      return { ok: false, problem: `it lists ${JSON.stringify(file.path)}, outside train.outputs`, badBlobs: [] };
    }
  }
  const checked = /* @__PURE__ */ new Set();
  for (const file of manifest.files) {
    if (checked.has(file.sha256)) continue;
    checked.add(file.sha256);
    const blob = path2.join(fetched.dir, ...blobName(file.sha256).split("/"));
    let actual;
    try {
      actual = await sha256File(blob);
    } catch (error) {
      if (isErrnoException(error, "ENOENT")) return { ok: false, problem: `${file.path} is missing`, badBlobs: [] };
      throw error;
    }
    if (actual.size !== file.size) {
      return {
        ok: false,
        problem: `${file.path} has ${actual.size} bytes, not ${file.size} (truncated)`,
        badBlobs: [file.sha256]
      };
    }
    if (actual.sha256 !== file.sha256) {
      return { ok: false, problem: `${file.path} does not match its sha256 (corrupt)`, badBlobs: [file.sha256] };
    }
  }
  return { ok: true, manifest };
}
function isWithin(output, file) {
  const base = path2.posix.normalize(output).replace(/\/+$/, "");
  return file === base || file.startsWith(`${base}/`);
}
async function placeEntry(fetched, manifest, root) {
  for (const output of manifest.outputs) {
    const target = path2.resolve(root, output.path);
    if (!isInside(root, target) || target === path2.resolve(root)) {
      throw new Error(`refusing to replace ${output.path}: not inside the project folder`);
    }
    await rm(target, { recursive: true, force: true });
    if (output.kind === "dir") await mkdir(target, { recursive: true });
  }
  const uses = /* @__PURE__ */ new Map();
  for (const file of manifest.files) uses.set(file.sha256, (uses.get(file.sha256) ?? 0) + 1);
  for (const file of manifest.files) {
    const blob = path2.join(fetched.dir, ...blobName(file.sha256).split("/"));
    const target = path2.resolve(root, file.path);
    await mkdir(path2.dirname(target), { recursive: true });
    const left = (uses.get(file.sha256) ?? 1) - 1;
    uses.set(file.sha256, left);
    if (left === 0) await moveFile(blob, target);
    else await copyFile(blob, target);
  }
  return manifest.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 }));
}
async function moveFile(from, to) {
  try {
    await rename(from, to);
  } catch (error) {
    if (!isErrnoException(error, "EXDEV")) throw error;
    await copyFile(from, to);
  }
}
async function declaredOutputKinds(root, outputs) {
  return Promise.all(
    outputs.map(async (output) => ({
      path: output,
      kind: (await stat2(path2.resolve(root, output))).isDirectory() ? "dir" : "file"
    }))
  );
}

// src/cache/actions-backend.ts
function actionsCacheAccess(env) {
  const no = (reason) => ({ usable: false, read: false, write: false, reason });
  if (env.GITHUB_ACTIONS !== "true") return no("the GitHub Actions cache exists only inside a GitHub Actions runner");
  if (!env.ACTIONS_RUNTIME_TOKEN) {
    return no(
      "the runner gave no ACTIONS_RUNTIME_TOKEN: the Actions cache is reachable from a JavaScript action (mlops-kit's actions/train), not from a `run:` step"
    );
  }
  const v2 = Boolean(env.ACTIONS_CACHE_SERVICE_V2) && !isGhes(env.GITHUB_SERVER_URL);
  const url = v2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL ?? env.ACTIONS_RESULTS_URL;
  if (!url) return no(`the runner gave no cache service URL (${v2 ? "ACTIONS_RESULTS_URL" : "ACTIONS_CACHE_URL"})`);
  const mode = (env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  if (mode === "none") return no("ACTIONS_CACHE_MODE is none: this run may neither read nor write the Actions cache");
  if (mode === "read") {
    return {
      usable: true,
      read: true,
      write: false,
      reason: "ACTIONS_CACHE_MODE is read (e.g. pull_request_target): entries are restored, none saved"
    };
  }
  if (mode === "write-only") {
    return { usable: true, read: false, write: true, reason: "ACTIONS_CACHE_MODE is write-only: no entry is restored" };
  }
  return { usable: true, read: true, write: true, reason: null };
}
function isGhes(serverUrl) {
  const host = new URL(serverUrl || "https://github.com").hostname.toUpperCase();
  return host !== "GITHUB.COM" && !host.endsWith(".GHE.COM") && !host.endsWith(".LOCALHOST");
}
function createActionsBackend(options) {
  const { access, githubWorkspace, stagingRoot } = options;
  if (!isInside(githubWorkspace, stagingRoot)) return null;
  const staging = (hash) => {
    const absolute = path3.join(stagingRoot, hash);
    return { absolute, relative: path3.relative(githubWorkspace, absolute).split(path3.sep).join("/") };
  };
  return {
    kind: "actions",
    location: "the GitHub Actions cache",
    async fetch(key) {
      if (!access.read) return null;
      const place = staging(key.hash);
      await rm2(place.absolute, { recursive: true, force: true });
      const restored = await actionsCache("read", (cache) => cache.restoreCache([place.relative], key.id));
      const cleanup = () => rm2(place.absolute, { recursive: true, force: true });
      if (restored !== key.id) {
        await cleanup();
        return null;
      }
      try {
        return {
          manifest: await readFile(path3.join(place.absolute, "manifest.json"), "utf8"),
          dir: place.absolute,
          cleanup
        };
      } catch (error) {
        if (!isErrnoException(error, "ENOENT")) throw error;
        return { manifest: "", dir: place.absolute, cleanup };
      }
    },
    async save(key, entry) {
      if (!access.write) {
        return { saved: false, reason: "ACTIONS_CACHE_MODE is read: this run may not write the Actions cache" };
      }
      const place = staging(key.hash);
      await rm2(place.absolute, { recursive: true, force: true });
      try {
        for (const [sha256, source] of entry.blobs) {
          const target = path3.join(place.absolute, ...blobName(sha256).split("/"));
          await mkdir2(path3.dirname(target), { recursive: true });
          await linkOrCopy(source, target);
        }
        await writeFile(path3.join(place.absolute, "manifest.json"), `${JSON.stringify(entry.manifest, null, 2)}
`);
        const id = await actionsCache("write", (cache) => cache.saveCache([place.relative], key.id));
        return id === -1 ? {
          saved: false,
          reason: "the Actions cache did not take it: keys are immutable, so another job may have saved this key first (see the cache messages above)"
        } : { saved: true };
      } finally {
        await rm2(place.absolute, { recursive: true, force: true });
      }
    },
    discard() {
      return Promise.resolve(
        "Actions cache entries cannot be deleted from a run: it is ignored here and expires after 7 days unused"
      );
    }
  };
}
async function actionsCache(action, call) {
  const cache = await import("./cache-OPRCOT5M.js");
  try {
    return await call(cache);
  } catch (error) {
    throw new ExternalError(
      `cannot ${action} the GitHub Actions cache: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error
      }
    );
  }
}
async function linkOrCopy(source, target) {
  try {
    await link(source, target);
  } catch {
    await copyFile2(source, target);
  }
}

// src/cache/store-backend.ts
import { mkdir as mkdir3, mkdtemp, rm as rm3 } from "node:fs/promises";
import path4 from "node:path";
function createStoreBackend(kind, store, scratchDir) {
  const manifestKey = (key) => `entries/${key.hash}.json`;
  return {
    kind,
    location: store.location,
    async fetch(key) {
      const manifest = await store.get(manifestKey(key));
      if (manifest === void 0) return null;
      await mkdir3(scratchDir, { recursive: true });
      const dir = await mkdtemp(path4.join(scratchDir, "fetch-"));
      const cleanup = () => rm3(dir, { recursive: true, force: true });
      try {
        const text = manifest.toString("utf8");
        const parsed2 = safeManifest(text);
        for (const sha256 of new Set(parsed2?.files.map((f) => f.sha256) ?? [])) {
          await store.getToFile(blobName(sha256), path4.join(dir, ...blobName(sha256).split("/")));
        }
        return { manifest: text, dir, cleanup };
      } catch (error) {
        await cleanup();
        throw error;
      }
    },
    async save(key, entry) {
      for (const [sha256, source] of entry.blobs) {
        if (!await store.exists(blobName(sha256))) await store.putFile(blobName(sha256), source);
      }
      await store.put(manifestKey(key), `${JSON.stringify(entry.manifest, null, 2)}
`);
      return { saved: true };
    },
    async discard(key, badBlobs) {
      await store.delete(manifestKey(key));
      for (const sha256 of badBlobs) await store.delete(blobName(sha256));
      return `the entry was removed from ${store.location}`;
    }
  };
}
function safeManifest(text) {
  try {
    const parsed2 = EntryManifest.safeParse(JSON.parse(text));
    return parsed2.success ? parsed2.data : void 0;
  } catch {
    return void 0;
  }
}

// src/cache/open.ts
var CACHE_CHOICES = [...CACHE_BACKENDS, "off"];
function parseCacheChoice(text, source) {
  const choice = CACHE_CHOICES.find((c) => c === text.trim().toLowerCase());
  if (!choice) throw new UsageError(`${source} must be one of ${CACHE_CHOICES.join(", ")}, not "${text}"`);
  return choice;
}
async function openRunCache(context, choice) {
  const { loaded, workspace, env } = context;
  const stampsFile = path5.join(workspace.cacheDir, "stamps.json");
  const settings2 = cacheSettings(loaded.config);
  const off = (note) => ({ backend: null, notes: [note], stampsFile });
  if (choice === "off") return off("the run cache is off for this run (--cache off)");
  if (choice === void 0 && !settings2.enabled) return off("the run cache is off (train.cache)");
  const wanted = choice ?? settings2.backend;
  const uri = settings2.uri;
  const local = () => createStoreBackend(
    "local",
    // A folder uri is the local cache's place; the default is the workspace's cache folder.
    createLocalStore(uri === void 0 || isS3Uri(uri) ? workspace.cacheDir : path5.resolve(loaded.root, uri)),
    path5.join(workspace.cacheDir, "tmp")
  );
  if (wanted === "s3" || wanted === "auto" && uri !== void 0 && isS3Uri(uri)) {
    const registry = loaded.config.registry;
    const target = uri !== void 0 && isS3Uri(uri) ? uri : registry.uri && isS3Uri(registry.uri) ? `${registry.uri.replace(/\/+$/, "")}/run-cache` : void 0;
    if (!target) {
      throw new UsageError("the s3 run cache needs train.cache.uri: s3://bucket/prefix (or an s3:// registry.uri)");
    }
    const store = await openObjectStore(target, loaded.root, projectStoreSettings(registry, env));
    return { backend: createStoreBackend("s3", store, path5.join(workspace.cacheDir, "tmp")), notes: [], stampsFile };
  }
  if (wanted === "actions" || wanted === "auto") {
    const access = actionsCacheAccess(env);
    const backend = access.usable && env.GITHUB_WORKSPACE ? createActionsBackend({
      access,
      githubWorkspace: env.GITHUB_WORKSPACE,
      stagingRoot: path5.join(workspace.dir, "actions-cache")
    }) : null;
    if (backend) return { backend, notes: access.reason ? [access.reason] : [], stampsFile };
    const why = access.usable ? "the workspace folder is outside GITHUB_WORKSPACE" : access.reason ?? "";
    const notes = wanted === "actions" || env.GITHUB_ACTIONS === "true" ? [
      `not using the GitHub Actions cache (${why}); using the local folder ${path5.relative(loaded.root, workspace.cacheDir) || "."} instead`
    ] : [];
    return { backend: local(), notes, stampsFile };
  }
  return { backend: local(), notes: [], stampsFile };
}
function cacheSettings(config) {
  const cache = config.train?.cache ?? true;
  if (typeof cache === "boolean") return { enabled: cache, backend: "auto", uri: void 0 };
  return { enabled: cache.enabled, backend: cache.backend, uri: cache.uri };
}

// src/train/train.ts
import { randomBytes } from "node:crypto";
import { existsSync as existsSync3 } from "node:fs";
import { mkdir as mkdir5, writeFile as writeFile2 } from "node:fs/promises";
import path10 from "node:path";

// src/cache/material.ts
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync as existsSync2, realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
import os from "node:os";
import path7 from "node:path";

// src/data/sources.ts
import { existsSync } from "node:fs";
import { mkdir as mkdir4 } from "node:fs/promises";
import path6 from "node:path";
async function localFiles(source, root) {
  if (isDynamicPattern(source)) {
    const matches = await glob(source, { cwd: root, absolute: true, onlyFiles: true, expandDirectories: false });
    if (matches.length === 0)
      throw new InputError(`no file matches ${source}`, {
        hint: "check the pattern and where it is relative to (the folder of mlops.yml)"
      });
    return matches.sort();
  }
  const file = path6.resolve(root, source);
  if (!existsSync(file))
    throw new InputError(`data file not found: ${source}`, { hint: "paths are relative to the folder of mlops.yml" });
  return [file];
}
async function listSources(sources, root, store) {
  const entries = [];
  for (const source of typeof sources === "string" ? [sources] : sources) {
    if (!isS3Uri(source)) {
      for (const file of await localFiles(source, root))
        entries.push({ kind: "local", path: file, shown: displayPath(root, file) });
      continue;
    }
    entries.push(...await listS3(source, root, store));
  }
  return entries;
}
async function listS3(source, root, settings2) {
  const location = parseS3Uri(source);
  if (!location) throw new InputError(`"${source}" is not a valid s3://bucket/key URI`);
  const pattern = isDynamicPattern(location.key);
  const fixed = pattern ? location.key.slice(0, location.key.search(/[*?[{]/)) : location.key;
  const prefix = fixed.includes("/") ? fixed.slice(0, fixed.lastIndexOf("/")) : "";
  const store = await openObjectStore(`s3://${location.bucket}${prefix ? `/${prefix}` : ""}`, root, settings2);
  const relative2 = (key) => prefix ? key.slice(prefix.length + 1) : key;
  let keys;
  if (pattern) {
    const matches = globToRegExp(relative2(location.key));
    keys = (await store.list("")).filter((key) => matches.test(key));
    if (keys.length === 0)
      throw new InputError(`no object matches ${source}`, { hint: "check the bucket, prefix and pattern" });
  } else {
    keys = [relative2(location.key)];
  }
  return keys.map((key) => ({
    kind: "s3",
    store,
    key,
    bucket: location.bucket,
    prefix,
    shown: `s3://${location.bucket}/${prefix ? `${prefix}/` : ""}${key}`
  }));
}
async function fetchSources(entries, downloadDir) {
  const files = [];
  for (const entry of entries) {
    if (entry.kind === "local") {
      files.push({ path: entry.path, shown: entry.shown });
      continue;
    }
    const target = path6.join(downloadDir, entry.bucket, entry.prefix, ...entry.key.split("/"));
    await mkdir4(path6.dirname(target), { recursive: true });
    let found;
    try {
      found = await entry.store.getToFile(entry.key, target);
    } catch (error) {
      if (error instanceof ExternalError) throw error;
      throw new ExternalError(`cannot download ${entry.shown}: ${error.message}`, { cause: error });
    }
    if (!found)
      throw new InputError(`data object not found: ${entry.shown}`, { hint: "check the bucket and key in data.train" });
    files.push({ path: target, shown: entry.shown });
  }
  return files;
}
function shardOf(entries, index, count) {
  const start = Math.floor((index - 1) * entries.length / count);
  const end = Math.floor(index * entries.length / count);
  return entries.slice(start, end);
}
function displayPath(root, file) {
  const relative2 = path6.relative(root, file);
  return relative2.startsWith("..") ? file : relative2;
}
function globToRegExp(glob2) {
  let source = "";
  for (let i = 0; i < glob2.length; i++) {
    const char = glob2[i];
    if (char === "*" && glob2[i + 1] === "*") {
      source += glob2[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob2[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") source += "(?:";
    else if (char === "}") source += ")";
    else if (char === ",") source += "|";
    else source += char.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

// src/cache/material.ts
var LOCKFILES = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "requirements.txt",
  "requirements.lock",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "pdm.lock",
  "pixi.lock",
  "conda-lock.yml",
  "environment.yml",
  "renv.lock",
  "Manifest.toml",
  "Cargo.lock",
  "go.sum",
  "Gemfile.lock",
  ".python-version",
  ".nvmrc",
  ".node-version",
  ".tool-versions"
];
var INTERPRETERS = /^(python(?:3(?:\.\d+)?)?|node|nodejs|bun|deno|Rscript|R|julia|ruby|java|uv|poetry|pipenv|pixi|conda|dotnet|perl)$/;
async function collectKeyMaterial(context, params, options = {}) {
  const { loaded } = context;
  const { config, root, repoRoot } = loaded;
  const train = config.train;
  if (!train) return { ok: false, reason: "there is no train section" };
  const dataSources = [config.data?.train, config.data?.eval].flatMap(
    (s) => s === void 0 ? [] : typeof s === "string" ? [s] : s
  );
  const excluded = [context.workspace.dir, ...train.outputs.map((o) => path7.resolve(root, o))];
  const isExcluded = (file) => excluded.some((dir) => isInside(dir, file));
  const code = /* @__PURE__ */ new Set();
  for (const [index, pattern] of train.inputs.entries()) {
    const matches = (await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: true })).filter(
      (file) => !isExcluded(file)
    );
    if (matches.length === 0) {
      throw new InputError(`train.inputs: "${pattern}" matches no file`, {
        hint: "a missing input would leave code changes out of the run cache key; fix or remove the pattern",
        ...withLocation(loaded.locate(["train", "inputs", index]))
      });
    }
    for (const file of matches) code.add(path7.normalize(file));
  }
  for (const file of filesNamedIn(train.command, root, repoRoot)) if (!isExcluded(file)) code.add(file);
  const sources = dataSources.length > 0 ? await listSources(dataSources, root, projectStoreSettings(config.registry, context.env)) : [];
  const data = sources.flatMap((entry) => entry.kind === "local" ? [entry.path] : []);
  const remoteData = [];
  for (const entry of sources) {
    if (entry.kind !== "s3") continue;
    const head = await entry.store.head(entry.key);
    if (!head)
      throw new InputError(`data object not found: ${entry.shown}`, { hint: "check the bucket and key in data.train" });
    remoteData.push({ path: entry.shown, size: head.size, etag: head.etag });
  }
  const lockfiles = /* @__PURE__ */ new Map();
  for (const name of LOCKFILES) {
    for (const [label, folder2] of [
      [name, root],
      [`<repo>/${name}`, repoRoot]
    ]) {
      const file = path7.join(folder2, name);
      if (existsSync2(file) && statSync2(file).isFile()) lockfiles.set(label, file);
    }
  }
  const codeFiles = [...code].sort();
  const dataFiles = data.map((f) => path7.normalize(f));
  const lockFiles = [...lockfiles.values()];
  const [pass, runtimes] = await Promise.all([
    fingerprintFiles([...codeFiles, ...dataFiles, ...lockFiles], { ...options }),
    interpreterVersions(train.command, { ...context.env, ...train.env }, root)
  ]);
  const print = (label, file) => {
    const found = pass.files.get(file);
    if (!found) throw new Error(`no fingerprint for ${file}`);
    return { path: label, size: found.size, sha256: found.sha256 };
  };
  return {
    ok: true,
    codeFiles,
    material: {
      format: CACHE_FORMAT_VERSION,
      model: config.model.name,
      command: train.command,
      params,
      env: train.env,
      outputs: [...train.outputs],
      code: codeFiles.map((f) => print(toRelative(root, f), f)),
      data: [...dataFiles.map((f) => print(toRelative(root, f), f)), ...remoteData],
      lockfiles: [...lockfiles.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, f]) => print(label, f)),
      platform: await platformName(),
      runtimes
    }
  };
}
function withLocation(location) {
  return location ? { location } : {};
}
function filesNamedIn(command, root, repoRoot) {
  const words = command.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const files = /* @__PURE__ */ new Set();
  for (const raw of words) {
    const word = raw.replace(/^["']|["']$/g, "");
    const value = word.startsWith("-") && word.includes("=") ? word.slice(word.indexOf("=") + 1) : word;
    if (value === "" || value.startsWith("-") || /[$`*?<>|;&]/.test(value) || path7.isAbsolute(value)) continue;
    const file = path7.resolve(root, value);
    if (!isInside(repoRoot, file)) continue;
    try {
      if (statSync2(file).isFile()) files.add(file);
    } catch {
    }
  }
  return [...files].sort();
}
async function interpreterVersions(command, env, cwd) {
  const names = new Set(
    (command.match(/[^\s"'`;&|()]+/g) ?? []).map((word) => path7.basename(word)).filter((word) => INTERPRETERS.test(word))
  );
  const entries = await Promise.all(
    [...names].sort().map(
      (name) => new Promise((resolve3) => {
        if ((name === "node" || name === "nodejs") && isThisNode(name, env.PATH)) {
          resolve3([name, process.version]);
          return;
        }
        execFile(name, ["--version"], { env, cwd, timeout: 15e3 }, (error, stdout, stderr) => {
          const line = `${stdout}
${stderr}`.split("\n").map((l) => l.trim()).find((l) => l !== "");
          if (error && error.code === "ENOENT") resolve3([name, "not found"]);
          else resolve3([name, line ?? (error ? `unknown (${error.message.split("\n")[0]})` : "unknown")]);
        });
      })
    )
  );
  return Object.fromEntries(entries);
}
async function codeChangedSince(material, codeFiles, options = {}) {
  const now = await fingerprintFiles(
    codeFiles.filter((file) => existsSync2(file)),
    { ...options, keepOtherStamps: true }
  );
  return material.code.filter((entry, i) => now.files.get(codeFiles[i] ?? "")?.sha256 !== entry.sha256).map((e) => e.path);
}
function isThisNode(name, searchPath) {
  for (const dir of (searchPath ?? "").split(path7.delimiter).filter(Boolean)) {
    const candidate = path7.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    try {
      return realpathSync2(candidate) === realpathSync2(process.execPath);
    } catch {
      return false;
    }
  }
  return false;
}
async function platformName() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === "linux") {
    try {
      const text = await readFile2("/etc/os-release", "utf8");
      const field = (name) => (new RegExp(`^${name}=(.*)$`, "m").exec(text)?.[1] ?? "").replace(/^"|"$/g, "");
      return `${base} ${field("ID")} ${field("VERSION_ID")}`.trim();
    } catch {
      return base;
    }
  }
  if (process.platform === "darwin") return `${base} ${os.release().split(".")[0] ?? ""}`.trim();
  return `${base} ${os.release()}`;
}

// src/cache/run-cache.ts
import path8 from "node:path";
async function restoreFromCache(backend, key, root, declared) {
  let fetched;
  try {
    fetched = await backend.fetch(key);
  } catch (error) {
    if (!isOutage(error)) throw error;
    return { kind: "unavailable", note: `the run cache (${backend.location}) could not be read: ${messageOf(error)}` };
  }
  if (!fetched) return { kind: "miss" };
  try {
    const verified = await verifyEntry(fetched, key.hash, declared);
    if (!verified.ok) {
      let discarded;
      try {
        discarded = await backend.discard(key, verified.badBlobs);
      } catch (error) {
        if (!isOutage(error)) throw error;
        discarded = `it could not be removed: ${messageOf(error)}`;
      }
      return {
        kind: "corrupt",
        note: `the cached entry for this key was not used: ${verified.problem}; ${discarded}`
      };
    }
    const outputs = await placeEntry(fetched, verified.manifest, root);
    return { kind: "hit", manifest: verified.manifest, outputs };
  } finally {
    await fetched.cleanup();
  }
}
async function saveToCache(backend, request) {
  const manifest = {
    format: CACHE_FORMAT_VERSION,
    key: request.key.hash,
    createdAt: request.createdAt,
    run: request.run,
    params: request.params,
    outputs: await declaredOutputKinds(request.root, request.declared),
    files: request.outputs.map((o) => ({ path: o.path, size: o.size, sha256: o.sha256 }))
  };
  const blobs = /* @__PURE__ */ new Map();
  for (const output of request.outputs) blobs.set(output.sha256, path8.join(request.root, ...output.path.split("/")));
  try {
    const outcome = await backend.save(request.key, { manifest, blobs });
    return outcome.saved ? { saved: true } : { saved: false, note: `not saved to the run cache: ${outcome.reason}` };
  } catch (error) {
    if (!isOutage(error)) throw error;
    return {
      saved: false,
      note: `not saved to the run cache (${backend.location}): ${messageOf(error)}; the next run trains again`
    };
  }
}
function isOutage(error) {
  return error instanceof UserError || isErrnoException(error);
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/train/params.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile as readFile3 } from "node:fs/promises";
import path9 from "node:path";
async function loadParams(source, root) {
  if (source === void 0) return {};
  if (typeof source === "object") return structuredClone(source);
  const file = path9.resolve(root, source);
  if (file.endsWith(".json")) {
    let text;
    try {
      text = await readFile3(file, "utf8");
    } catch {
      throw new InputError(`params file not found: ${source}`, { hint: "train.params is relative to mlops.yml" });
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`params file ${source} is not valid JSON: ${error.message}`);
    }
    return asMapping(value, source);
  }
  try {
    const yaml = await readYamlFile(file, source, {
      what: "params file",
      missingHint: "train.params is relative to mlops.yml"
    });
    return asMapping(yaml.value, source);
  } catch (error) {
    if (error instanceof YamlSourceError) throw new ConfigError(error.diagnostics);
    throw error;
  }
}
function asMapping(value, source) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(`params file ${source} must hold a mapping of name: value`);
  }
  return value;
}
function applyOverrides(params, overrides) {
  const result = structuredClone(params);
  for (const override of overrides) {
    const equals = override.indexOf("=");
    if (equals <= 0) throw new UsageError(`--set ${override}: expected name=value`);
    const name = override.slice(0, equals).trim();
    const value = parseOverrideValue(name, override.slice(equals + 1));
    const keys = name.split(".");
    let target = result;
    for (const [i, key] of keys.entries()) {
      if (!Object.hasOwn(target, key)) {
        const near = closestMatch(key, Object.keys(target));
        throw new UsageError(`--set ${name}: there is no param "${keys.slice(0, i + 1).join(".")}"`, {
          hint: near ? `did you mean "${near}"?` : `known params: ${Object.keys(target).join(", ") || "(none)"}`
        });
      }
      if (i === keys.length - 1) target[key] = value;
      else {
        const next = target[key];
        if (next === null || typeof next !== "object" || Array.isArray(next)) {
          throw new UsageError(`--set ${name}: "${keys.slice(0, i + 1).join(".")}" is not a mapping`);
        }
        target = next;
      }
    }
  }
  return result;
}
function parseOverrideValue(name, text) {
  try {
    return (0, import_yaml.parse)(text);
  } catch (error) {
    throw new UsageError(`--set ${name}: cannot read the value ${JSON.stringify(text)} as YAML`, {
      hint: `quote it to pass it as text, e.g. --set '${name}="${text}"'`,
      cause: error
    });
  }
}
function paramEnvironment(params) {
  const env = {};
  for (const [name, value] of Object.entries(params)) {
    const key = `MLOPS_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
    env[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return env;
}

// src/train/train.ts
async function resolveTrainParams(loaded, overrides, leg) {
  const params = await loadParams(loaded.config.train?.params, loaded.root);
  return applyOverrides(leg ? legParams(params, leg) : params, overrides);
}
async function trainModel(context, options) {
  const { loaded, workspace, logger } = context;
  const train = loaded.config.train;
  const started = performance.now();
  const startedAt = context.now().toISOString();
  const runId = newRunId(context.now());
  if (!train) return { ...emptyRecord(runId, startedAt), status: "skipped" };
  const { params } = options;
  await mkdir5(workspace.outDir, { recursive: true });
  const paramsFile = path10.join(workspace.outDir, "params.json");
  await writeFile2(paramsFile, `${JSON.stringify(params, null, 2)}
`);
  const base = {
    ...emptyRecord(runId, startedAt),
    command: train.command,
    params,
    paramsFile: path10.relative(loaded.root, paramsFile),
    leg: options.leg ?? null
  };
  const cache = options.cache ?? await openRunCache(context, options.cacheChoice);
  const lookup = await lookUpRun(context, cache, params, options.force === true);
  if (lookup.hit) {
    return {
      ...base,
      status: "ok",
      finishedAt: context.now().toISOString(),
      durationMs: Math.round(performance.now() - started),
      outputs: lookup.hit.outputs,
      cache: lookup.report
    };
  }
  const record2 = await runTraining(context, { ...base, cache: lookup.report }, paramsFile);
  if (record2.status !== "ok") return record2;
  const outputs = await digestFiles(loaded.root, train.outputs);
  const report2 = { ...lookup.report };
  if (lookup.key && cache.backend) {
    const saved = await saveToCache(cache.backend, {
      key: lookup.key,
      root: loaded.root,
      declared: train.outputs,
      outputs,
      run: runReference(context, record2),
      params,
      createdAt: context.now().toISOString()
    });
    report2.saved = saved.saved;
    if (saved.note) {
      report2.notes = [...report2.notes, saved.note];
      logger.warn(`run cache: ${saved.note}`);
    } else logger.info(`run cache: saved ${shortKey(lookup.key)} to ${cache.backend.location}`);
    if (lookup.material) {
      const changed = await codeChangedSince(lookup.material.material, lookup.material.codeFiles, {
        stampsFile: cache.stampsFile
      });
      if (changed.length > 0) {
        const note = `training changed ${changed.join(", ")}, which the cache key includes (train.inputs or named in the command), so the next run cannot reuse this one: declare what training writes in train.outputs`;
        report2.notes = [...report2.notes, note];
        logger.warn(`run cache: ${note}`);
      }
    }
  }
  return { ...record2, outputs, cache: report2 };
}
async function lookUpRun(context, cache, params, force) {
  const { loaded, logger } = context;
  const report2 = {
    ...noCache(),
    backend: cache.backend?.kind ?? null,
    location: cache.backend?.location ?? null,
    notes: [...cache.notes]
  };
  for (const note of cache.notes) {
    if (cache.backend) logger.info(`run cache: ${note}`);
    else logger.debug(`run cache: ${note}`);
  }
  if (!cache.backend) return { report: report2, key: null, material: null, hit: null };
  const material = await collectKeyMaterial(context, params, { stampsFile: cache.stampsFile });
  if (!material.ok) {
    report2.notes.push(`the run cache is off for this run: ${material.reason}`);
    logger.info(`run cache: off for this run (${material.reason})`);
    return { report: report2, key: null, material: null, hit: null };
  }
  const key = cacheKeyOf(material.material);
  Object.assign(report2, { key: key.id, keyParts: key.parts, status: force ? "forced" : "miss" });
  if (force) {
    logger.info(`run cache: --force, training without looking up ${shortKey(key)}`);
    return { report: report2, key, material, hit: null };
  }
  const found = await restoreFromCache(cache.backend, key, loaded.root, loaded.config.train?.outputs ?? []);
  if (found.kind === "hit") {
    const reused = found.manifest.run;
    logger.info(
      `run cache: hit ${shortKey(key)} in ${cache.backend.location}: restored ${found.outputs.length} file(s) from run ${describeRun(reused)}; the command did not run`
    );
    return {
      report: { ...report2, status: "hit", reusedFrom: reused },
      key,
      material,
      hit: { outputs: found.outputs }
    };
  }
  if (found.kind === "miss") logger.debug(`run cache: miss ${shortKey(key)} in ${cache.backend.location}`);
  else {
    report2.status = found.kind;
    report2.notes.push(found.note);
    logger.warn(`run cache: ${found.note}; training instead`);
  }
  return { report: report2, key, material, hit: null };
}
async function runTraining(context, base, paramsFile) {
  const { loaded, logger } = context;
  const train = loaded.config.train;
  if (!train) return base;
  logger.info(`$ ${train.command}`);
  const timeoutMs = train.timeout_minutes === void 0 ? void 0 : train.timeout_minutes * 6e4;
  const result = await runCommand({
    command: train.command,
    cwd: loaded.root,
    env: { ...context.env, ...train.env, ...paramEnvironment(base.params), MLOPS_PARAMS_FILE: paramsFile },
    logger,
    label: "train",
    ...timeoutMs === void 0 ? {} : { timeoutMs }
  });
  const record2 = {
    ...base,
    status: "ok",
    finishedAt: context.now().toISOString(),
    durationMs: result.durationMs,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    peakMemoryBytes: result.peakMemoryBytes,
    logTail: result.tail
  };
  if (result.exitCode !== 0) {
    return { ...record2, status: "failed", failure: describeFailure("training", train.command, result, timeoutMs) };
  }
  const missing = train.outputs.filter((output) => !existsSync3(path10.resolve(loaded.root, output)));
  if (missing.length > 0) {
    return {
      ...record2,
      status: "failed",
      failure: `training exited 0 but did not write its declared output${missing.length > 1 ? "s" : ""}: ${missing.join(", ")} (train.outputs)`
    };
  }
  return record2;
}
function runReference(context, record2) {
  const { provenance } = context;
  return {
    id: record2.runId,
    startedAt: record2.startedAt,
    durationMs: record2.durationMs,
    gitSha: provenance.gitSha,
    ref: provenance.ref,
    runUrl: provenance.runUrl,
    actor: provenance.actor
  };
}
function newRunId(now) {
  return `${now.toISOString().replace(/[-:.]/g, "")}-${randomBytes(3).toString("hex")}`;
}
function shortKey(key) {
  return `key ${key.hash.slice(0, 12)}`;
}
function describeRun(run) {
  const details = [
    run.gitSha ? `git ${run.gitSha.slice(0, 7)}` : null,
    `trained ${(run.durationMs / 1e3).toFixed(1)} s`,
    run.runUrl
  ].filter((detail) => detail !== null);
  return `${run.id} (${details.join(", ")})`;
}
function emptyRecord(runId, startedAt) {
  return {
    stage: "train",
    status: "skipped",
    runId,
    command: null,
    params: {},
    paramsFile: null,
    startedAt,
    finishedAt: startedAt,
    durationMs: 0,
    exitCode: null,
    signal: null,
    timedOut: false,
    peakMemoryBytes: null,
    logTail: [],
    outputs: [],
    failure: null,
    leg: null,
    cache: noCache()
  };
}
function noCache() {
  return {
    status: "off",
    backend: null,
    location: null,
    key: null,
    keyParts: null,
    reusedFrom: null,
    saved: false,
    notes: []
  };
}

// src/pipeline/stages.ts
import { mkdir as mkdir9, readFile as readFile6, writeFile as writeFile4 } from "node:fs/promises";
import path17 from "node:path";

// src/data/stage.ts
import { mkdir as mkdir8, mkdtemp as mkdtemp5, readFile as readFile5, rm as rm7, writeFile as writeFile3 } from "node:fs/promises";
import path14 from "node:path";

// src/registry/registry.ts
import { mkdir as mkdir6, mkdtemp as mkdtemp2, rename as rename2, rm as rm4 } from "node:fs/promises";
import path11 from "node:path";

// src/registry/aliases.ts
import { randomBytes as randomBytes3 } from "node:crypto";

// src/registry/concurrency.ts
async function mapBounded(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/registry/names.ts
import { randomBytes as randomBytes2 } from "node:crypto";
var VERSION_ID = /^v(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{6}$/;
var SEQUENCE_REF = /^v?([1-9]\d{0,8})$/;
function newVersionId(at) {
  return `v${compactTime(at)}-${randomBytes2(3).toString("hex")}`;
}
function compactTime(at) {
  return at.toISOString().replace(/[-:.]/g, "");
}
function versionTime(id) {
  const m = VERSION_ID.exec(id);
  if (!m) return void 0;
  const [y = 0, mo = 1, d, h, mi, s, ms] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}
function checkModelName(model) {
  if (!NAME_PATTERN.test(model)) throw new InputError(`"${model}" is not a valid model name: expected ${NAME_RULE}`);
  return model;
}
function checkVersionName(version) {
  if (!NAME_PATTERN.test(version)) throw new InputError(`"${version}" is not a valid version id`);
  return version;
}
function checkAliasName(alias) {
  if (!NAME_PATTERN.test(alias)) throw new InputError(`"${alias}" is not a valid alias name: expected ${NAME_RULE}`);
  if (VERSION_ID.test(alias) || SEQUENCE_REF.test(alias)) {
    throw new InputError(`"${alias}" cannot be an alias name: it reads as a version id or a version number`);
  }
  return alias;
}
function checkFilePath(file) {
  const problem = relativePathProblem(file);
  if (problem) throw new InputError(`refusing the file path "${file}": ${describePathProblem(problem)}`);
  if (file.split("/").some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw new InputError(`refusing the file path "${file}": it has an empty, "." or ".." segment`);
  }
  return file;
}
function parseRef(ref) {
  if (VERSION_ID.test(ref)) return { kind: "version", id: ref };
  const sequence = SEQUENCE_REF.exec(ref)?.[1];
  if (sequence) return { kind: "sequence", sequence: Number(sequence) };
  if (NAME_PATTERN.test(ref)) return { kind: "alias", alias: ref };
  throw new InputError(`"${ref}" is not a version id, a version number or an alias name`, {
    hint: "e.g. champion, 7 or v20260101T120000000Z-a1b2c3 (see `mlops models list`)"
  });
}
function parseModelRef(text, defaultRef = "champion") {
  const at = text.indexOf("@");
  const model = at < 0 ? text : text.slice(0, at);
  const ref = at < 0 ? defaultRef : text.slice(at + 1);
  checkModelName(model);
  parseRef(ref);
  return { model, ref };
}

// src/registry/aliases.ts
var Entry = object({
  alias: string().regex(NAME_PATTERN),
  from: string().nullable(),
  to: string().regex(NAME_PATTERN),
  at: iso_exports.datetime(),
  actor: string().nullable(),
  reason: string(),
  runUrl: string().nullable(),
  forced: boolean().default(false),
  kind: _enum(["promote", "rollback"]).default("promote")
});
var ENTRY_KEY = /^([^/]+)\/aliases\/([^/]+)\/(\d{8}T\d{9}Z-[0-9a-f]{8})\.json$/;
var aliasesPrefix = (model, alias) => alias === void 0 ? `${model}/aliases/` : `${model}/aliases/${alias}/`;
async function entryKeys(store, model, alias) {
  const groups = /* @__PURE__ */ new Map();
  for (const key of await store.list(aliasesPrefix(model, alias))) {
    const match = ENTRY_KEY.exec(key);
    if (!match?.[2] || match[1] !== model) continue;
    groups.set(match[2], [...groups.get(match[2]) ?? [], key]);
  }
  for (const keys of groups.values()) keys.sort();
  return groups;
}
async function readEntry(store, key, alias) {
  const body = await store.get(key);
  let parsed2;
  try {
    parsed2 = body === void 0 ? void 0 : Entry.safeParse(JSON.parse(body.toString("utf8")));
  } catch {
    parsed2 = void 0;
  }
  if (!parsed2?.success || parsed2.data.alias !== alias) {
    throw new ExternalError(`the alias history entry ${key} in ${store.location} is missing or not valid`, {
      hint: "it was changed outside mlops-kit; restore it from the bucket's versioning, or remove it"
    });
  }
  return parsed2.data;
}
async function aliasHistory(store, model, alias) {
  const keys = (await entryKeys(store, model, alias)).get(alias) ?? [];
  return chain(await mapBounded(keys, 8, (key) => readEntry(store, key, alias)));
}
function chain(entries) {
  return entries.map((entry, i) => ({ ...entry, from: i === 0 ? null : entries[i - 1]?.to ?? null }));
}
async function allAliasHistory(store, model) {
  const events = [];
  for (const [alias, keys] of await entryKeys(store, model)) {
    const entries = chain(await mapBounded(keys, 8, (key) => readEntry(store, key, alias)));
    entries.forEach((event, i) => events.push({ key: keys[i] ?? "", event }));
  }
  return events.sort((a, b) => a.event.at.localeCompare(b.event.at) || a.key.localeCompare(b.key)).map((e) => e.event);
}
async function currentAliases(store, model, only) {
  const current = /* @__PURE__ */ new Map();
  const groups = [...await entryKeys(store, model, only)];
  await mapBounded(groups, 8, async ([alias, keys]) => {
    const last = keys.at(-1);
    if (last) current.set(alias, await readEntry(store, last, alias));
  });
  return current;
}
async function appendMove(store, model, move) {
  const last = (await currentAliases(store, model, move.alias)).get(move.alias);
  const requested = new Date(move.at);
  const floor = last ? new Date(Date.parse(last.at) + 1) : requested;
  const at = requested < floor ? floor : requested;
  const entry = { ...move, from: last?.to ?? null, at: at.toISOString() };
  for (; ; ) {
    const key = `${aliasesPrefix(model, move.alias)}${compactTime(at)}-${randomBytes3(4).toString("hex")}.json`;
    if (await store.create(key, `${JSON.stringify(entry, null, 2)}
`)) return entry;
  }
}
function servingStack(history) {
  const stack = [];
  for (const event of history) {
    if (event.kind === "rollback") {
      const index = stack.lastIndexOf(event.to);
      if (index >= 0) stack.length = index + 1;
      else stack.push(event.to);
    } else if (stack.at(-1) !== event.to) {
      stack.push(event.to);
    }
  }
  return stack;
}
function moveInForce(history, date2) {
  let found;
  for (const event of history) if (Date.parse(event.at) <= date2.getTime()) found = event;
  return found;
}

// src/registry/manifest.ts
var MANIFEST_FORMAT_V1 = "mlops-kit/manifest@1";
var MANIFEST_FORMAT = "mlops-kit/manifest@2";
var SafeRelativePath = string().refine((value) => relativePathProblem(value) === void 0, {
  error: "not a safe relative path"
});
var Name = string().regex(NAME_PATTERN, { error: "not a valid name" });
var FileEntry = object({
  /** Path inside the version (and, on pull, inside the output folder). */
  path: SafeRelativePath,
  size: number().int().min(0),
  sha256: string().regex(/^[0-9a-f]{64}$/)
});
var ManifestSchema = object({
  format: _enum([MANIFEST_FORMAT_V1, MANIFEST_FORMAT]),
  model: Name,
  /** Unique and sortable without coordination: `v<UTC time to the ms>-<random>` (see newVersionId). */
  version: Name,
  /** The friendly number (1, 2, 3 ...): unique per model, in commit order. Absent on `@1` manifests. */
  sequence: number().int().min(1).optional(),
  createdAt: string(),
  files: array(FileEntry),
  /**
   * Files the kit keeps with a version for its own use, by name: `predictions` (the evaluation predictions, for
   * paired significance tests against this version) and `profile` (the training-data profile, the drift reference).
   */
  attachments: record(string().regex(NAME_PATTERN), FileEntry).default({}),
  metrics: record(string(), number()),
  slices: array(
    object({
      column: string(),
      value: string(),
      rows: number(),
      metrics: record(string(), number())
    })
  ).default([]),
  gate: object({ verdict: _enum(["pass", "fail", "error"]), baseline: string().nullable() }).nullable(),
  params: record(string(), unknown()),
  /**
   * Fingerprints of the data the model was trained and evaluated on: size and sha256 of local files, size and ETag of
   * s3:// objects (see src/data/fingerprint.ts).
   */
  data: array(
    object({
      dataset: string(),
      files: array(
        object({
          path: string(),
          size: number().int().min(0),
          sha256: string().regex(/^[0-9a-f]{64}$/).optional(),
          etag: string().min(1).optional()
        }).refine((file) => file.sha256 !== void 0 || file.etag !== void 0, {
          error: "a data file needs a sha256 or an etag"
        })
      )
    })
  ),
  git: object({ sha: string().nullable(), ref: string().nullable() }),
  /** owner/name of the repository that published it, when known. */
  repository: string().nullable().optional(),
  runUrl: string().nullable(),
  actor: string().nullable(),
  kitVersion: string()
}).refine((m) => m.format === MANIFEST_FORMAT_V1 || m.sequence !== void 0, {
  error: `a ${MANIFEST_FORMAT} manifest needs a sequence number`,
  path: ["sequence"]
});

// src/registry/sequence.ts
var PREFIX = (model) => `${model}/sequence/`;
var CLAIM = /^[^/]+\/sequence\/(\d+)\/[^/]+$/;
var MAX_ROUNDS = 40;
var realSleep = (ms) => new Promise((resolve3) => setTimeout(resolve3, ms));
var folder = (model, n) => `${PREFIX(model)}${String(n).padStart(6, "0")}/`;
async function claimSequence(store, model, version, sleep = realSleep) {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let highest = 0;
    for (const key of await store.list(PREFIX(model))) {
      const n2 = Number(CLAIM.exec(key)?.[1] ?? 0);
      if (n2 > highest) highest = n2;
    }
    const n = highest + 1;
    const mine = `${folder(model, n)}${version}`;
    await store.put(mine, `${JSON.stringify({ version })}
`);
    const rivals = (await store.list(folder(model, n))).filter((key) => key !== mine);
    if (rivals.length === 0) return n;
    await store.delete(mine);
    await sleep(Math.random() * Math.min(2e3, 25 * 2 ** Math.min(round, 6)));
  }
  throw new ExternalError(
    `could not get a version number for ${model} in ${store.location} after ${MAX_ROUNDS} tries: too many publishes at once`,
    { hint: "publish again; serialise publishes with a `concurrency:` group in the workflow" }
  );
}
async function sequenceClaimants(store, model, n) {
  const keys = await store.list(folder(model, n));
  return keys.map((key) => key.slice(key.lastIndexOf("/") + 1));
}

// src/registry/registry.ts
var DEBRIS_AGE_MS = 24 * 60 * 60 * 1e3;
var COMMIT_DEADLINE_MS = 12 * 60 * 60 * 1e3;
function createRegistry(store, now = () => /* @__PURE__ */ new Date(), options = {}) {
  const versionKey = (model, version) => `${model}/versions/${version}`;
  const readManifest = async (model, version) => {
    checkModelName(model);
    checkVersionName(version);
    const key = `${versionKey(model, version)}/manifest.json`;
    const body = await store.get(key);
    if (body === void 0) return void 0;
    let raw;
    try {
      raw = JSON.parse(body.toString("utf8"));
    } catch {
      throw new ExternalError(`the registry object ${key} in ${store.location} is not valid JSON`, {
        hint: "it was changed outside mlops-kit; restore it or remove it"
      });
    }
    const parsed2 = ManifestSchema.safeParse(raw);
    if (!parsed2.success) {
      throw new ExternalError(
        `the manifest ${key} in ${store.location} is not a valid mlops-kit manifest: ${parsed2.error.issues[0]?.message ?? ""}`
      );
    }
    if (parsed2.data.model !== model || parsed2.data.version !== version) {
      throw new ExternalError(
        `the manifest ${key} in ${store.location} describes ${parsed2.data.model} ${parsed2.data.version}, not ${model} ${version}`,
        { hint: "it was copied or changed outside mlops-kit; remove it" }
      );
    }
    return parsed2.data;
  };
  const download = async (manifest, relative2, entry, target, hooks) => {
    const report2 = (bytes, done) => hooks.onProgress?.({ direction: "download", path: entry.path, bytes, total: entry.size, done });
    try {
      const found = await store.download(`${versionKey(manifest.model, manifest.version)}/${relative2}`, target, {
        expected: { size: entry.size, sha256: entry.sha256 },
        onProgress: (bytes) => report2(bytes, false)
      });
      if (!found) {
        throw new ExternalError(
          `version ${manifest.version} of ${manifest.model} lists ${entry.path}, but the registry has no such file`,
          { hint: "the version was damaged outside mlops-kit; publish again or roll back" }
        );
      }
    } catch (error) {
      if (!(error instanceof CorruptObjectError)) throw error;
      throw new ExternalError(
        `${entry.path} of ${manifest.model} ${manifest.version} is corrupted: the registry holds ${error.actual.size} bytes with sha256 ${error.actual.sha256.slice(0, 12)}\u2026, the manifest says ${entry.size} bytes with sha256 ${entry.sha256.slice(0, 12)}\u2026`,
        {
          hint: "the stored object was changed or damaged after publishing; nothing was written. Publish again or roll back",
          cause: error
        }
      );
    }
    report2(entry.size, true);
  };
  const bySequence = async (model, sequence) => {
    for (const version of await sequenceClaimants(store, model, sequence)) {
      const manifest = await readManifest(model, version).catch(() => void 0);
      if (manifest?.sequence === sequence) return manifest;
    }
    return void 0;
  };
  const registry = {
    location: store.location,
    async publish(input, hooks = {}) {
      checkModelName(input.model);
      const paths = /* @__PURE__ */ new Set();
      for (const file of input.files) {
        if (paths.has(checkFilePath(file.path))) throw new InputError(`${file.path} is listed twice`);
        paths.add(file.path);
      }
      const names = /* @__PURE__ */ new Set();
      for (const attachment of input.attachments ?? []) {
        if (!NAME_PATTERN.test(attachment.name))
          throw new InputError(`"${attachment.name}" is not a valid attachment name`);
        if (names.has(attachment.name)) throw new InputError(`two attachments are named ${attachment.name}`);
        names.add(attachment.name);
        checkFilePath(path11.basename(attachment.source));
      }
      const created = now();
      const version = await freshVersionId(store, input.model, created);
      const base = versionKey(input.model, version);
      const upload = async (key, source, shown) => {
        const digest = await store.upload(`${base}/${key}`, source, {
          onProgress: (bytes, total) => hooks.onProgress?.({ direction: "upload", path: shown, bytes, total, done: false })
        });
        hooks.onProgress?.({ direction: "upload", path: shown, bytes: digest.size, total: digest.size, done: true });
        return { path: shown, ...digest };
      };
      const files = [];
      for (const file of input.files) files.push(await upload(`files/${file.path}`, file.source, file.path));
      const attachments = {};
      for (const attachment of input.attachments ?? []) {
        const stored = `${attachment.name}/${path11.basename(attachment.source)}`;
        attachments[attachment.name] = await upload(`attachments/${stored}`, attachment.source, stored);
      }
      if (now().getTime() - created.getTime() > COMMIT_DEADLINE_MS) {
        throw new ExternalError(
          `publishing ${input.model} ${version} took longer than 12 hours; it was not committed`,
          {
            hint: "its uploaded files may already count as debris of an interrupted publish; publish again"
          }
        );
      }
      const sequence = await claimSequence(store, input.model, version, options.sleep ?? realSleep);
      const manifest = ManifestSchema.parse({
        ...input,
        format: MANIFEST_FORMAT,
        version,
        sequence,
        createdAt: created.toISOString(),
        files,
        attachments
      });
      if (!await store.create(`${base}/manifest.json`, `${JSON.stringify(manifest, null, 2)}
`)) {
        throw new ExternalError(`${input.model} ${version} already has a manifest in ${store.location}`, {
          hint: "two publishes drew the same version id; publish again"
        });
      }
      return manifest;
    },
    async versions(model) {
      checkModelName(model);
      const ids = (await store.folders(`${model}/versions/`)).filter((id) => NAME_PATTERN.test(id));
      const manifests = await mapBounded(ids, 8, (id) => readManifest(model, id));
      return manifests.filter((m) => m !== void 0);
    },
    version: readManifest,
    async resolve(model, ref) {
      checkModelName(model);
      const parsed2 = parseRef(ref);
      if (parsed2.kind === "version") return readManifest(model, parsed2.id);
      if (parsed2.kind === "sequence") return bySequence(model, parsed2.sequence);
      const current = (await currentAliases(store, model, parsed2.alias)).get(parsed2.alias);
      return current ? readManifest(model, current.to) : void 0;
    },
    async aliases(model) {
      checkModelName(model);
      const current = await currentAliases(store, model);
      return Object.fromEntries([...current].sort(([a], [b]) => a.localeCompare(b)).map(([a, e]) => [a, e.to]));
    },
    async moveAlias(model, alias, version, event) {
      checkModelName(model);
      checkAliasName(alias);
      if (!await readManifest(model, version)) throw new InputError(`model ${model} has no version ${version}`);
      return appendMove(store, model, { kind: "promote", ...event, alias, to: version });
    },
    async rollback(model, alias, event) {
      checkModelName(model);
      checkAliasName(alias);
      const stack = servingStack(await aliasHistory(store, model, alias));
      const current = stack.at(-1);
      const target = stack.at(-2);
      if (!current) throw new InputError(`${model} has no alias ${alias} to roll back`);
      if (!target) {
        throw new InputError(`${alias} of ${model} has nothing to roll back to: it has only ever stood on ${current}`, {
          hint: "promote another version instead: mlops promote <version>"
        });
      }
      if (!await readManifest(model, target)) throw new InputError(`model ${model} has no version ${target}`);
      return appendMove(store, model, {
        ...event,
        reason: event.reason || `rolled back from ${current}`,
        alias,
        to: target,
        forced: false,
        kind: "rollback"
      });
    },
    async history(model, alias) {
      checkModelName(model);
      if (alias === void 0) return allAliasHistory(store, model);
      return aliasHistory(store, model, checkAliasName(alias));
    },
    async aliasAt(model, alias, date2) {
      checkModelName(model);
      return moveInForce(await aliasHistory(store, model, checkAliasName(alias)), date2);
    },
    async pull(manifest, outDir, hooks = {}) {
      await mkdir6(outDir, { recursive: true });
      const staging = await mkdtemp2(path11.join(outDir, ".mlops-pull-"));
      try {
        const targets = [];
        for (const file of manifest.files) {
          const relative2 = checkFilePath(file.path);
          const target = path11.join(outDir, ...relative2.split("/"));
          if (!isInside(outDir, target)) throw new InputError(`refusing to write ${file.path} outside ${outDir}`);
          await download(manifest, `files/${relative2}`, file, path11.join(staging, ...relative2.split("/")), hooks);
          targets.push(target);
        }
        for (const [i, file] of manifest.files.entries()) {
          const target = targets[i];
          await mkdir6(path11.dirname(target), { recursive: true });
          await rename2(path11.join(staging, ...file.path.split("/")), target);
        }
        return targets;
      } finally {
        await rm4(staging, { recursive: true, force: true });
      }
    },
    async pullAttachment(manifest, name, file) {
      const entry = manifest.attachments[name];
      if (!entry) return false;
      await download(manifest, `attachments/${checkFilePath(entry.path)}`, entry, file, {});
      return true;
    },
    async models() {
      const names = (await store.folders("")).filter((name) => NAME_PATTERN.test(name));
      const found = await mapBounded(names, 8, async (name) => {
        for (const id of await store.folders(`${name}/versions/`)) {
          if (NAME_PATTERN.test(id) && await store.exists(`${versionKey(name, id)}/manifest.json`)) return name;
        }
        return void 0;
      });
      return found.filter((name) => name !== void 0);
    },
    async clean(model, before = new Date(now().getTime() - DEBRIS_AGE_MS)) {
      checkModelName(model);
      const report2 = { versions: [], objects: 0, uploads: 0 };
      for (const id of await store.folders(`${model}/versions/`)) {
        const started = versionTime(id);
        if (!started || started >= before || await store.exists(`${versionKey(model, id)}/manifest.json`)) continue;
        const keys = await store.list(`${versionKey(model, id)}/`);
        if (keys.length === 0) continue;
        await mapBounded(keys, 8, (key) => store.delete(key));
        report2.versions.push(id);
        report2.objects += keys.length;
      }
      report2.uploads = await store.discardIncomplete(`${model}/versions/`, before);
      return report2;
    }
  };
  return registry;
}
async function freshVersionId(store, model, created) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newVersionId(created);
    if ((await store.list(`${model}/versions/${id}/`)).length === 0) return id;
  }
  throw new ExternalError(`could not find a free version id for ${model} in ${store.location}`);
}

// src/registry/open.ts
async function openRegistry(context) {
  const { registry } = context.loaded.config;
  const store = await openObjectStore(
    registry.uri ?? context.workspace.registryDir,
    context.loaded.root,
    projectStoreSettings(registry, context.env)
  );
  return createRegistry(store, context.now);
}

// src/data/profile.ts
var PROFILE_FORMAT = "mlops-profile/1";
var QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
function buildProfile(plan, outcome) {
  const columns = [];
  plan.columns.forEach((column, i) => {
    const state = outcome.columns[i];
    if (state) columns.push(finishColumn(column, state));
  });
  return {
    format: PROFILE_FORMAT,
    kit: KIT_VERSION,
    dataset: plan.dataset,
    schemaHash: plan.schemaHash,
    files: plan.files.map((f, i) => ({
      path: f.shown,
      bytes: f.bytes,
      rows: outcome.fileRows[i] ?? 0,
      columns: f.columns
    })),
    rows: outcome.rows,
    firstRow: plan.firstRow,
    sampledRows: plan.sampledRows,
    columns,
    checks: outcome.checks,
    parts: 1,
    shard: null,
    notes: [],
    settings: settings()
  };
}
function settings() {
  return { kllRankError: KLL_RANK_ERROR, hllStandardError: HLL_STANDARD_ERROR, exactDistinct: FREQUENT_CAPACITY };
}
function finishColumn(plan, state) {
  let type;
  let kind = plan.kind;
  const finished = { ...state };
  if (plan.declared) {
    type = plan.declared;
  } else if (plan.kind === "any") {
    const numeric = state.values > 0 && state.numericValues > 0 && state.numericValues + state.missingTokens === state.values;
    if (numeric) {
      type = state.fractional > 0 ? "number" : "integer";
      kind = "numeric";
      finished.nulls += state.missingTokens;
      finished.values -= state.missingTokens;
      finished.frequent = null;
    } else {
      type = "string";
      kind = "text";
      finished.missingTokens = 0;
      finished.moments = null;
      finished.sketch = null;
      finished.numbers = null;
      finished.hll = null;
    }
  } else {
    type = plan.inferred === "integer" && state.fractional > 0 ? "number" : plan.inferred ?? "string";
  }
  const profile = {
    ...finished,
    type,
    declared: plan.declared !== null,
    inferred: plan.inferred,
    kind,
    summary: emptySummary()
  };
  profile.summary = summarize(profile);
  return profile;
}
function emptySummary() {
  return {
    count: 0,
    nulls: 0,
    distinct: null,
    min: null,
    max: null,
    mean: null,
    std: null,
    quantiles: [],
    rankError: 0,
    histogram: null,
    top: [],
    topError: 0
  };
}
function summarize(column) {
  const summary = emptySummary();
  summary.nulls = column.nulls;
  summary.count = column.values - column.invalid - column.nonFinite;
  const show = (value) => column.kind === "datetime" ? formatDatetime(value) : value;
  if (column.sketch && column.sketch.n > 0 && column.moments) {
    const view = new KllView(column.sketch);
    summary.min = show(view.min);
    summary.max = show(view.max);
    summary.mean = show(column.moments.mean);
    summary.std = sampleStd(column.moments);
    summary.rankError = view.exact ? 0 : KLL_RANK_ERROR;
    summary.quantiles = QUANTILES.map((q) => ({ q, value: show(view.quantile(q)) }));
    summary.histogram = histogram(view, show);
  }
  if (column.frequent) {
    const error = column.frequent.error;
    summary.top = column.frequent.entries.filter(([, count, text]) => count > error && text !== null).slice(0, 10).map(([, count, text]) => ({ value: text ?? "", count }));
    summary.topError = error;
  }
  summary.distinct = distinctOf(column);
  return summary;
}
function distinctOf(column) {
  const numeric = column.kind === "numeric" || column.kind === "datetime";
  if (numeric && column.numbers) return { value: column.numbers.length, exact: true };
  if (!numeric && column.frequent && column.frequent.error === 0 && column.hll === null)
    return { value: column.frequent.entries.length, exact: true };
  const registers = column.hll === null ? void 0 : decodeRegisters(column.hll);
  return registers ? { value: new HyperLogLog(registers).estimate(), exact: false } : null;
}
function histogram(view, show) {
  if (!(view.max > view.min)) return { edges: [show(view.min), show(view.max)], counts: [view.n] };
  const bins = 10;
  const edges = Array.from(
    { length: bins + 1 },
    (_, i) => i === bins ? view.max : view.min + (view.max - view.min) * i / bins
  );
  const counts = [];
  let below = 0;
  for (let i = 1; i <= bins; i++) {
    const atOrBelow = i === bins ? view.n : Math.round(view.cdfBelow(edges[i]) * view.n);
    counts.push(atOrBelow - below);
    below = atOrBelow;
  }
  return { edges: edges.map(show), counts };
}
function mergeProfiles(input) {
  const profiles = orderShards(input);
  const [first, ...rest] = profiles;
  if (!first) throw new InputError("no profiles to merge");
  for (const other of rest) {
    if (other.schemaHash !== first.schemaHash) {
      throw new InputError(
        `the profiles were made with different data.schema sections (${first.schemaHash}, ${other.schemaHash})`,
        {
          hint: "profile every shard with the same mlops.yml"
        }
      );
    }
    if (other.dataset !== first.dataset) {
      throw new InputError(`cannot merge profiles of different datasets (${first.dataset} and ${other.dataset})`);
    }
  }
  const merged = structuredClone(first);
  for (const part of rest) {
    const offset = merged.rows;
    const byName = new Map(merged.columns.map((c) => [c.name, c]));
    for (const column of part.columns) {
      const shifted = structuredClone(column);
      shiftTallies(shifted.checks, offset);
      const into = byName.get(column.name);
      if (!into) {
        merged.columns.push(shifted);
        byName.set(column.name, shifted);
        continue;
      }
      const type = widen(into, shifted);
      mergeColumnState(into, shifted);
      into.type = type;
      into.summary = summarize(into);
    }
    const checks = structuredClone(part.checks);
    shiftTallies(checks, offset);
    mergeTallies(merged.checks, checks);
    merged.files.push(...part.files);
    merged.rows += part.rows;
    merged.parts += part.parts;
    merged.notes = [.../* @__PURE__ */ new Set([...merged.notes, ...part.notes])];
  }
  if (profiles.length > 1) {
    merged.notes = [
      .../* @__PURE__ */ new Set([
        ...merged.notes,
        "unique values, unique keys and duplicate rows were checked within each part, not across parts"
      ])
    ];
  }
  for (const column of merged.columns) column.summary = summarize(column);
  merged.shard = null;
  return merged;
}
function orderShards(profiles) {
  const shards = profiles.map((p) => p.shard ?? null);
  if (shards.every((s) => s === null)) return profiles;
  if (shards.some((s) => s === null))
    throw new InputError("some profiles are shards (mlops profile --shard) and some are not");
  const count = shards[0].count;
  const byIndex = /* @__PURE__ */ new Map();
  for (const profile of profiles) {
    const shard = profile.shard;
    if (shard.count !== count)
      throw new InputError(`the shards were cut differently (${shard.index}/${shard.count} and ?/${count})`);
    if (byIndex.has(shard.index)) throw new InputError(`shard ${shard.index}/${count} is there twice`);
    byIndex.set(shard.index, profile);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new InputError(
      `shard(s) ${missing.map((i) => `${i}/${count}`).join(", ")} missing: the merged profile would not be the whole dataset`,
      {
        hint: "download every matrix leg's profile before merging"
      }
    );
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}
function widen(a, b) {
  if (a.type === b.type) return a.type;
  const numeric = /* @__PURE__ */ new Set(["integer", "number"]);
  if (numeric.has(a.type) && numeric.has(b.type)) return "number";
  if (a.kind === "any" || b.kind === "any") return a.kind === "any" ? b.type : a.type;
  throw new InputError(`column "${a.name}" is ${a.type} in one part and ${b.type} in another`, {
    hint: `declare its type in data.schema.columns.${a.name}.type so every shard reads it the same way`
  });
}

// src/data/profile-file.ts
var Tally = object({ count: number(), rows: array(number()), observed: string() });
var Column = object({
  name: string(),
  type: _enum(["integer", "number", "string", "boolean", "category", "datetime"]),
  kind: _enum(["numeric", "datetime", "boolean", "text", "any"]),
  rows: number(),
  values: number(),
  nulls: number(),
  checks: record(string(), Tally),
  sketch: object({ k: number(), n: number(), levels: array(array(number())), exact: boolean() }).passthrough().nullable(),
  frequent: object({ entries: array(tuple([number(), number(), string().nullable()])), error: number() }).nullable(),
  numbers: array(tuple([number(), number()])).nullable(),
  hll: string().nullable()
}).passthrough();
var Profile = object({
  format: literal(PROFILE_FORMAT),
  dataset: string(),
  schemaHash: string(),
  rows: number(),
  columns: array(Column),
  checks: record(string(), Tally),
  shard: object({ index: number().int().min(1), count: number().int().min(1) }).nullable().default(null),
  files: array(object({ path: string(), bytes: number(), rows: number(), columns: array(string()) }))
}).passthrough();
function readProfile(text, shown) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} is not valid JSON (${error.message})`, {
      hint: "a profile is the JSON file `mlops profile` writes"
    });
  }
  const parsed2 = Profile.safeParse(value);
  if (!parsed2.success) {
    const issue = parsed2.error.issues[0];
    throw new InputError(
      `${shown} is not an mlops-kit profile (${issue ? `${issue.path.join(".") || "top level"}: ${issue.message}` : "unknown shape"})`,
      { hint: `a profile is the JSON file \`mlops profile\` writes (format ${PROFILE_FORMAT})` }
    );
  }
  return parsed2.data;
}

// src/data/validate.ts
import { mkdir as mkdir7, mkdtemp as mkdtemp4, readFile as readFile4, rm as rm6 } from "node:fs/promises";
import os2 from "node:os";
import path13 from "node:path";

// src/data/findings.ts
function findingsOf(profile, schema) {
  const findings = [];
  const dataset = profile.dataset;
  const add = (finding) => void findings.push({ dataset, ...finding });
  const fromTally = (tally, column, rule, severity, message, configPath) => {
    if (!tally || tally.count === 0) return;
    add({
      column,
      rule,
      severity,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath
    });
  };
  const columns = schema?.columns ?? {};
  for (const file of profile.files) {
    for (const [name, spec] of Object.entries(columns)) {
      if (spec.required && !file.columns.includes(name)) {
        add({
          column: name,
          rule: "required",
          severity: spec.severity,
          message: `column is missing from ${file.path}`,
          observed: "absent",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "columns", name]
        });
      }
    }
    if (schema && schema.extra_columns !== "allow") {
      for (const name of file.columns) {
        if (name in columns) continue;
        add({
          column: name,
          rule: "extra_columns",
          severity: schema.extra_columns === "error" ? "error" : "warn",
          message: `column is not declared in data.schema.columns (${file.path})`,
          observed: "present",
          count: 1,
          rows: [],
          configPath: ["data", "schema", "extra_columns"]
        });
      }
    }
  }
  fromTally(
    profile.checks.ragged_rows,
    null,
    "ragged_rows",
    "error",
    "rows with a different number of fields than the header",
    ["data", "train"]
  );
  fromTally(
    profile.checks.extra_fields,
    null,
    "extra_fields",
    "warn",
    "records with keys the file's first record does not have (they are not read)",
    ["data", "train"]
  );
  for (const column of profile.columns)
    findings.push(...columnFindings(dataset, column, columns[column.name], profile));
  if (schema) {
    const duplicates = schema.duplicate_rows;
    if (duplicates !== "allow") {
      const tally = profile.checks.duplicate_rows;
      if (tally) tally.observed = "a repeated row";
      fromTally(tally, null, "duplicate_rows", duplicates, "rows that repeat an earlier row exactly", [
        "data",
        "schema",
        "duplicate_rows"
      ]);
    }
    if (schema.unique_key) {
      fromTally(profile.checks.unique_key, schema.unique_key.join("+"), "unique_key", "error", "repeated key values", [
        "data",
        "schema",
        "unique_key"
      ]);
    }
    const bounds = schema.rows;
    if (bounds?.min !== void 0 && profile.rows < bounds.min) {
      add({
        column: null,
        rule: "rows.min",
        severity: "error",
        message: `fewer rows than the minimum of ${bounds.min}`,
        observed: String(profile.rows),
        count: 1,
        rows: [],
        configPath: ["data", "schema", "rows", "min"]
      });
    }
    if (bounds?.max !== void 0 && profile.rows > bounds.max) {
      add({
        column: null,
        rule: "rows.max",
        severity: "error",
        message: `more rows than the maximum of ${bounds.max}`,
        observed: String(profile.rows),
        count: 1,
        rows: [],
        configPath: ["data", "schema", "rows", "max"]
      });
    }
  }
  return findings;
}
function columnFindings(dataset, column, spec, profile) {
  const found = [];
  const name = column.name;
  const at = (field) => ["data", "schema", "columns", name, field];
  const severity = spec?.severity ?? "warn";
  const push = (tally, rule, message, path18, level = severity) => {
    if (!tally || tally.count === 0) return;
    found.push({
      dataset,
      column: name,
      rule,
      severity: level,
      message,
      observed: tally.observed,
      count: tally.count,
      rows: tally.rows,
      configPath: path18
    });
  };
  const checks = column.checks;
  if (spec?.type) {
    push(checks.type, "type", `values that are not of type ${spec.type}`, at("type"));
  } else if (column.inferred) {
    push(
      checks.type,
      "type",
      `values that are not ${column.inferred}, the type the first ${profile.sampledRows} rows suggested (mixed types)`,
      spec ? ["data", "schema", "columns", name] : ["data", "schema"],
      "warn"
    );
  }
  push(
    checks.finite,
    "finite",
    "infinite values (inf) in a numeric column; they are left out of the statistics",
    spec ? at("type") : ["data", "schema"],
    spec ? severity : "warn"
  );
  if (!spec) return found;
  push(checks.nullable, "nullable", "empty values in a column that is not nullable", at("nullable"));
  push(checks.min, "min", `values below the minimum ${String(spec.min)}`, at("min"));
  push(checks.max, "max", `values above the maximum ${String(spec.max)}`, at("max"));
  push(
    checks.values,
    "values",
    `values outside the allowed ${(spec.values ?? []).map(String).join(", ")}`,
    at("values")
  );
  push(checks.regex, "regex", `values that do not match /${spec.regex ?? ""}/`, at("regex"));
  push(profile.checks[`unique:${name}`], "unique", "repeated values in a unique column", at("unique"));
  const rows = column.rows;
  if (spec.max_null_fraction !== void 0 && rows > 0 && column.nulls / rows > spec.max_null_fraction) {
    found.push({
      dataset,
      column: name,
      rule: "max_null_fraction",
      severity,
      message: `more empty values than the allowed ${spec.max_null_fraction}`,
      observed: (column.nulls / rows).toFixed(4),
      count: column.nulls,
      rows: [],
      configPath: at("max_null_fraction")
    });
  }
  return found;
}

// src/data/parallel.ts
import { existsSync as existsSync4 } from "node:fs";
import { mkdtemp as mkdtemp3, rm as rm5 } from "node:fs/promises";
import path12 from "node:path";
import { fileURLToPath as fileURLToPath2, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
async function scanDataset(plan, options) {
  const totalBytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const perRange = Math.min(512 << 20, Math.max(8 << 20, Math.ceil(totalBytes / (2 * Math.max(1, options.workers)))));
  const tasks = planRanges(plan, options.rangeBytes ?? perRange);
  const threads = options.workers > 1 && tasks.length > 1 && totalBytes >= (options.parallelFrom ?? 16 << 20) ? Math.min(options.workers, tasks.length) : 1;
  const partitionBits = partitionBitsFor(totalBytes);
  const spillDir = await mkdtemp3(path12.join(options.tempDir, "scan-"));
  const pool = threads > 1 ? new WorkerPool(threads - 1, { plan, spillDir, partitionBits }) : null;
  try {
    const local = new RepeatWriter(spillDir, threads, partitionBits);
    const queue = [...tasks];
    const merger = new Merger(plan, tasks, local, queue);
    const accept = (result) => merger.accept(result);
    await Promise.all([pool?.run(queue, accept), runHere(plan, queue, local, accept, pool !== null)]);
    await merger.done();
    local.flush();
    const repeats = pool ? (checks, rowStart) => pool.repeats(checks, rowStart, partitionBits, spillDir) : (checks, rowStart) => Promise.resolve(checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart)));
    return await merger.finish(repeats, threads);
  } finally {
    await pool?.terminate();
    await rm5(spillDir, { recursive: true, force: true });
  }
}
async function runHere(plan, queue, repeats, accept, beside) {
  for (let task = queue.shift(); task; task = queue.shift()) {
    repeats.range = task.id;
    accept(await scanRange(plan, task, plan.checks > 0 ? repeats : null, beside));
  }
}
var WorkerPool = class {
  workers;
  constructor(threads, setup) {
    this.workers = Array.from({ length: threads }, (_, writer) => startWorker({ ...setup, writer }));
  }
  /** Sends `first` to a worker and resolves with the first reply that `done` accepts. */
  ask(worker, first, done, next) {
    return new Promise((resolve3, reject) => {
      const onMessage = (reply) => {
        if (reply.type === "failed") return finish(() => reject(new Error(`a scan worker failed: ${reply.message}`)));
        const value = done(reply);
        if (value !== void 0) return finish(() => resolve3(value));
        const follow = next?.(reply);
        if (follow !== void 0) worker.postMessage(follow);
      };
      const onError = (error) => finish(() => reject(error));
      const onExit = (code) => finish(() => reject(new Error(`a scan worker exited with code ${code}`)));
      const finish = (then) => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        then();
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(first);
    });
  }
  /** Hands out ranges from the shared queue (which this thread also takes from) until it is empty. */
  async run(queue, accept) {
    const nextMessage = () => {
      const task = queue.shift();
      return task ? { type: "task", task } : { type: "close" };
    };
    await Promise.all(
      this.workers.map(
        (worker) => this.ask(
          worker,
          nextMessage(),
          (reply) => reply.type === "closed" ? true : void 0,
          (reply) => {
            if (reply.type !== "result") return void 0;
            accept(reply.result);
            return nextMessage();
          }
        )
      )
    );
  }
  /** The repeat checks, the spill partitions shared between the workers and this thread. */
  async repeats(checks, rowStart, partitionBits, spillDir) {
    if (checks.length === 0) return [];
    const shares = this.workers.length + 1;
    const partitions = Array.from({ length: 2 ** partitionBits }, (_, i) => i);
    const share = (w) => partitions.filter((p) => p % shares === w);
    const asked = Promise.all(
      this.workers.map(
        (worker, w) => this.ask(
          worker,
          { type: "repeats", checks, partitions: share(w), rowStart: [...rowStart] },
          (reply) => reply.type === "repeats" ? reply.found : void 0
        )
      )
    );
    const mine = checks.map((check) => findRepeats(spillDir, check, partitionBits, rowStart, share(shares - 1)));
    const found = [...await asked, mine];
    return checks.map((_, i) => mergeCheckFindings(found.map((f) => f[i])));
  }
  async terminate() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
};
var WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
function startWorker(setup) {
  const here = fileURLToPath2(import.meta.url);
  if (here.endsWith(".ts")) {
    const target = pathToFileURL(path12.join(path12.dirname(here), "scan-worker.ts")).href;
    const code = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(target)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
      workerData: setup,
      resourceLimits: WORKER_LIMITS
    });
  }
  const candidates = [
    path12.join(path12.dirname(here), "scan-worker.js"),
    path12.join(path12.dirname(here), "..", "scan-worker.js")
  ];
  const script = candidates.find((file) => existsSync4(file));
  if (!script) throw new Error(`scan-worker.js is missing next to ${here}`);
  return new Worker(script, { workerData: setup, resourceLimits: WORKER_LIMITS });
}
var Merger = class {
  constructor(plan, tasks, local, queue) {
    this.plan = plan;
    this.tasks = tasks;
    this.local = local;
    this.queue = queue;
    this.columns = plan.columns.map(() => null);
    this.fileRows = plan.files.map(() => 0);
    this.nextId = tasks.length;
  }
  plan;
  tasks;
  local;
  queue;
  columns;
  checks = {};
  fileRows;
  rowStart = /* @__PURE__ */ new Map();
  rangeFile = /* @__PURE__ */ new Map();
  waiting = /* @__PURE__ */ new Map();
  /** Ranges read again: the id of the new reading, by the original's. */
  replaced = /* @__PURE__ */ new Map();
  rows = 0;
  next = 0;
  nextId;
  reread = 0;
  previous = null;
  error = null;
  accept(result) {
    this.waiting.set(result.id, result);
    this.drain();
  }
  /** After the threads stopped: reads what is still queued (ranges to read again) here, then reports an error. */
  async done() {
    for (let task = this.queue.shift(); task && this.error === null; task = this.queue.shift()) {
      this.local.range = task.id;
      this.accept(await scanRange(this.plan, task, this.plan.checks > 0 ? this.local : null));
    }
    if (this.error) throw this.error;
  }
  drain() {
    while (this.error === null && this.next < this.tasks.length) {
      const task = this.tasks[this.next];
      const id = this.replaced.get(task.id) ?? task.id;
      const result = this.waiting.get(id);
      if (!result) return;
      this.waiting.delete(id);
      const previous = this.previous;
      if (previous && previous.file === task.file && result.firstStart !== previous.result.nextStart) {
        this.reread++;
        const again = {
          id: this.nextId++,
          file: task.file,
          start: previous.result.nextStart,
          end: task.end,
          align: false
        };
        this.replaced.set(task.id, again.id);
        this.queue.unshift(again);
        return;
      }
      this.add(result, task.file);
      this.next++;
    }
  }
  add(result, file) {
    const start = this.plan.firstRow + this.rows;
    this.rowStart.set(result.id, start);
    this.rangeFile.set(result.id, file);
    this.previous = { result, file };
    if (result.error) {
      const error = result.error;
      const shown = this.plan.files[file]?.shown ?? "data";
      const where = [
        error.record === null ? null : `row ${start + error.record}`,
        error.byteOffset === null ? null : `byte ${error.byteOffset}`
      ].filter(Boolean).join(", ");
      this.error = new InputError(
        `${shown}: ${error.detail}${where ? ` (${where})` : ""}`,
        error.hint ? { hint: error.hint } : {}
      );
      this.queue.length = 0;
      return;
    }
    this.rows += result.records;
    this.fileRows[file] += result.records;
    result.columns.forEach((state, i) => {
      if (state === null) return;
      for (const tally of Object.values(state.checks)) tally.rows = tally.rows.map((r) => r + start);
      if (this.columns[i] === null) this.columns[i] = state;
      else mergeColumnState(this.columns[i], state, i + 1);
    });
    shiftTallies(result.checks, start);
    mergeTallies(this.checks, result.checks);
  }
  async finish(findAll, threads) {
    const { plan, checks } = this;
    const valueOf = async (example, columnsShown) => {
      if (example.text !== null) return example.text;
      const file = this.rangeFile.get(example.range);
      if (file === void 0 || example.offset === null) return "";
      const cells = await readFieldsAt(plan, file, example.offset);
      const header = plan.files[file].columns;
      return columnsShown.map((name) => String(cells[header.indexOf(name)] ?? null)).join(", ");
    };
    const spilled = [plan.duplicateCheck, plan.keyCheck, ...plan.columns.map((c) => c.uniqueCheck)].filter(
      (c) => c !== null
    );
    const all = await findAll(spilled, this.rowStart);
    const findingsOf2 = (check) => check === null ? void 0 : all[spilled.indexOf(check)];
    const repeat = async (check, rule, shown) => {
      if (check === null) return;
      const found = check === plan.duplicateCheck ? (
        // Rows with a value in the carrying column were checked with its repeats; the rest on their own.
        mergeRepeatTallies([
          findingsOf2(check)?.repeats ?? null,
          findingsOf2(plan.duplicateCarrier)?.duplicates ?? null
        ])
      ) : findingsOf2(check)?.repeats ?? null;
      if (!found) return;
      const first = found.examples[0];
      const observed = shown === null || !first ? "a repeated row" : shortText(await valueOf(first, shown));
      checks[rule] = tallyOf(found, observed);
    };
    await repeat(plan.duplicateCheck, "duplicate_rows", null);
    await repeat(plan.keyCheck, "unique_key", plan.keyColumns);
    for (const column of plan.columns) await repeat(column.uniqueCheck, `unique:${column.name}`, [column.name]);
    return {
      rows: this.rows,
      fileRows: this.fileRows,
      columns: this.columns,
      checks,
      ranges: this.tasks.length,
      reread: this.reread,
      threads
    };
  }
};

// src/data/plan.ts
import { createHash as createHash2 } from "node:crypto";
import { statSync as statSync3 } from "node:fs";
var SAMPLE_ROWS = 1e4;
function schemaHash(schema) {
  return createHash2("sha256").update(JSON.stringify(schema ?? null)).digest("hex").slice(0, 16);
}
async function planDataset(dataset, files, format, schema) {
  const dataFiles = [];
  const sample = new TypeSample();
  for (const file of files) {
    const fileFormat = formatOf(file.path, format);
    const table = await openTable(file.path, fileFormat, { displayName: file.shown });
    const entry = {
      path: file.path,
      shown: file.shown,
      format: fileFormat,
      gzip: isGzip(file.path),
      bytes: statSync3(file.path).size,
      columns: table.columns
    };
    dataFiles.push(entry);
    const iterator = table.rows[Symbol.asyncIterator]();
    try {
      while (sample.rows < SAMPLE_ROWS) {
        const next = await iterator.next();
        if (next.done) break;
        sample.add(table.columns, next.value.cells);
      }
    } catch (error) {
      throw explainReadError(
        error,
        file.shown,
        (record2) => record2 + (fileFormat === "csv" || fileFormat === "tsv" ? 1 : 0)
      );
    } finally {
      await iterator.return?.();
    }
  }
  const names = [];
  for (const file of dataFiles) for (const column of file.columns) if (!names.includes(column)) names.push(column);
  let checks = 0;
  const duplicateRows = schema?.duplicate_rows ?? "allow";
  const duplicateCheck = duplicateRows === "allow" ? null : checks++;
  const keyCheck = schema?.unique_key ? checks++ : null;
  const columns = names.map((name) => {
    const spec = schema?.columns[name];
    const declared = spec?.type ?? null;
    const inferred = sample.inferred(name);
    const type = declared ?? inferred;
    return {
      name,
      declared,
      inferred,
      kind: kindOf(type),
      severity: spec?.severity ?? "error",
      rules: spec ? rulesOf(spec, declared) : null,
      uniqueCheck: spec?.unique ? checks++ : null
    };
  });
  const first = dataFiles[0]?.format;
  return {
    dataset,
    files: dataFiles,
    columns,
    firstRow: first === "csv" || first === "tsv" ? 2 : 1,
    duplicateCheck,
    duplicateCarrier: duplicateCheck === null ? null : columns.find((c) => c.uniqueCheck !== null)?.uniqueCheck ?? null,
    duplicateSeverity: duplicateRows === "error" ? "error" : "warn",
    keyCheck,
    keyColumns: schema?.unique_key ?? [],
    checks,
    sampledRows: sample.rows,
    schemaHash: schemaHash(schema)
  };
}
function kindOf(type) {
  switch (type) {
    case "integer":
    case "number":
      return "numeric";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "string":
    case "category":
      return "text";
    case null:
      return "any";
  }
}
function rulesOf(spec, declared) {
  const bound = (value) => {
    if (value === void 0) return null;
    if (typeof value === "number") return value;
    const bytes = Buffer.from(value);
    if (declared === "datetime" && parseDatetime(bytes, 0, bytes.length)) return parsed.value;
    return parseNumber(bytes, 0, bytes.length) ? parsed.value : null;
  };
  return {
    nullable: spec.nullable,
    min: bound(spec.min),
    max: bound(spec.max),
    allowed: spec.values ? spec.values.map((v) => keyOf(String(v))) : null,
    regex: spec.regex ?? null,
    unique: spec.unique
  };
}
var TypeSample = class {
  rows = 0;
  fits = /* @__PURE__ */ new Map();
  add(columns, cells) {
    this.rows++;
    columns.forEach((name, i) => {
      let fit = this.fits.get(name);
      if (!fit) this.fits.set(name, fit = { integer: 0, number: 0, boolean: 0, datetime: 0, values: 0 });
      const cell = cells[i];
      if (cell === null || cell === void 0 || cell === "") return;
      const bytes = Buffer.from(cell);
      if (isMissingToken(bytes, 0, bytes.length)) return;
      fit.values++;
      if (parseNumber(bytes, 0, bytes.length)) {
        fit.number++;
        if (parsed.integer) fit.integer++;
      }
      if (parseBoolean(bytes, 0, bytes.length)) fit.boolean++;
      if (parseDatetime(bytes, 0, bytes.length)) fit.datetime++;
    });
  }
  /** integer, number, boolean, datetime or string; null when the sample holds no value of the column. */
  inferred(name) {
    const fit = this.fits.get(name);
    if (!fit || fit.values === 0) return null;
    const all = fit.values;
    if (fit.integer === all) return "integer";
    if (fit.number === all) return "number";
    if (fit.boolean === all) return "boolean";
    if (fit.datetime === all) return "datetime";
    if (fit.number >= 0.9 * all) return fit.integer === fit.number ? "integer" : "number";
    return "string";
  }
};

// src/data/validate.ts
async function validateDatasets(data, root, options = {}) {
  const skipped = {
    stage: "validate",
    verdict: "skipped",
    datasets: [],
    errors: 0,
    warnings: 0,
    profile: null,
    drift: null,
    driftNote: null
  };
  if (!data) return { result: skipped, profiles: /* @__PURE__ */ new Map() };
  const tempDir = await mkdtemp4(path13.join(options.tempDir ?? os2.tmpdir(), "mlops-validate-"));
  try {
    const profiles = /* @__PURE__ */ new Map();
    const named = [
      ["train", data.train],
      ["eval", data.eval]
    ];
    for (const [name, sources] of named) {
      if (sources === void 0) continue;
      if (name === "train" && options.trainProfiles && options.trainProfiles.length > 0) {
        profiles.set(name, mergeProfiles(options.trainProfiles));
        continue;
      }
      profiles.set(name, await profileSources(name, sources, data, root, options, tempDir));
    }
    const datasets = [...profiles.values()].map((profile) => reportOf(profile, data));
    let drift = null;
    let driftNote = null;
    const train = profiles.get("train");
    if (data.drift && train) {
      const reference = await resolveReference(data, root, options, tempDir);
      if ("none" in reference) driftNote = reference.none;
      else drift = measureDrift(train, reference.profile, data.drift, reference.name);
    }
    const findings = datasets.flatMap((d) => d.findings);
    if (drift?.datasetDrift) {
      const finding = {
        dataset: "train",
        column: null,
        rule: "drift",
        severity: drift.severity,
        message: `dataset drift: ${drift.drifted} of ${drift.columns.length} columns drifted (share ${drift.share.toFixed(2)} >= ${drift.maxDriftedShare}) against ${drift.reference}`,
        observed: drift.columns.filter((c) => c.drifted).map((c) => c.column).join(", "),
        count: drift.drifted,
        rows: [],
        configPath: ["data", "drift", "max_drifted_share"]
      };
      datasets.find((d) => d.name === "train")?.findings.push(finding);
      findings.push(finding);
    }
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    return {
      result: {
        stage: "validate",
        verdict: errors > 0 ? "fail" : "pass",
        datasets,
        errors,
        warnings,
        profile: null,
        drift,
        driftNote
      },
      profiles
    };
  } finally {
    await rm6(tempDir, { recursive: true, force: true });
  }
}
async function profileSources(name, sources, data, root, options, tempDir) {
  const downloadDir = path13.join(tempDir, "download");
  await mkdir7(downloadDir, { recursive: true });
  const started = performance.now();
  const entries = isEntries(sources) ? sources : await listSources(sources, root, options.store ?? {});
  const files = await fetchSources(entries, downloadDir);
  const plan = await planDataset(name, files, data.format, data.schema);
  const planned = performance.now();
  const outcome = await scanDataset(plan, {
    workers: options.workers ?? os2.availableParallelism(),
    tempDir,
    ...options.rangeBytes === void 0 ? {} : { rangeBytes: options.rangeBytes },
    ...options.parallelFrom === void 0 ? {} : { parallelFrom: options.parallelFrom }
  });
  const profile = buildProfile(plan, outcome);
  const bytes = plan.files.reduce((sum, f) => sum + f.bytes, 0);
  const seconds = (performance.now() - planned) / 1e3;
  options.debug?.(
    `${name}: ${plan.files.length} file(s), ${(bytes / 1e6).toFixed(1)} MB, ${outcome.rows} rows; planned in ${((planned - started) / 1e3).toFixed(2)} s, read in ${seconds.toFixed(2)} s (${(bytes / 1e6 / seconds).toFixed(0)} MB/s) on ${outcome.threads} thread(s), ${outcome.ranges} range(s), ${outcome.reread} read again`
  );
  return profile;
}
function reportOf(profile, data) {
  return {
    name: profile.dataset,
    files: profile.files.map((f) => f.path),
    rows: profile.rows,
    columns: profile.columns.map((c) => ({ name: c.name, type: c.type, declared: c.declared, ...c.summary })),
    findings: findingsOf(profile, data.schema),
    notes: profile.notes
  };
}
async function resolveReference(data, root, options, tempDir) {
  const reference = data.drift?.reference ?? "champion";
  if (reference === "champion") {
    const champion = await options.championProfile?.() ?? {
      none: "No drift check: no registry was given to find the champion in."
    };
    return "none" in champion ? champion : { profile: champion.profile, name: `the champion's training data (${champion.version})` };
  }
  if (reference.toLowerCase().endsWith(".json")) {
    const file = path13.resolve(root, reference);
    let text;
    try {
      text = await readFile4(file, "utf8");
    } catch (error) {
      throw new InputError(`drift reference not found: ${reference}`, {
        hint: "data.drift.reference is a profile JSON (from `mlops profile`), a data file, or champion",
        cause: error
      });
    }
    return { profile: readProfile(text, reference), name: `the profile ${reference}` };
  }
  return { profile: await profileSources("reference", reference, data, root, options, tempDir), name: reference };
}
function isEntries(sources) {
  return Array.isArray(sources) && sources.length > 0 && typeof sources[0] === "object";
}

// src/data/stage.ts
async function validationOptions(context, options, champion) {
  const tempDir = path14.join(context.workspace.dir, "tmp");
  await mkdir8(tempDir, { recursive: true });
  const trainProfiles = [];
  for (const file of options.profiles ?? []) {
    const shown = path14.relative(context.loaded.root, file) || file;
    let text;
    try {
      text = await readFile5(file, "utf8");
    } catch (error) {
      throw new InputError(`profile not found: ${shown}`, {
        hint: "pass the files `mlops profile` wrote",
        cause: error
      });
    }
    trainProfiles.push(readProfile(text, shown));
  }
  return {
    ...options.workers === void 0 ? {} : { workers: options.workers },
    tempDir,
    store: projectStoreSettings(context.loaded.config.registry, context.env),
    trainProfiles,
    championProfile: champion,
    debug: (message) => context.logger.debug(message)
  };
}
async function championProfile(context) {
  const registry = await openRegistry(context);
  const model = context.loaded.config.model.name;
  const manifest = await registry.resolve(model, "champion");
  if (!manifest)
    return {
      none: `No drift check yet: ${model} has no champion in ${registry.location}, so there is no reference to compare with.`
    };
  const file = path14.join(context.workspace.dir, "tmp", `champion-profile-${manifest.version}.json`);
  try {
    if (!await registry.pullAttachment(manifest, "profile", file)) {
      return {
        none: `No drift check: the champion (${manifest.version}) was published without a training-data profile.`
      };
    }
    return {
      profile: readProfile(await readFile5(file, "utf8"), `the champion's profile (${manifest.version})`),
      version: manifest.version
    };
  } finally {
    await rm7(file, { force: true });
  }
}
async function runProfile(context, request) {
  const data = context.loaded.config.data;
  if (!data) throw new UsageError("mlops.yml has no data section to profile", { hint: "add `data: { train: ... }`" });
  const sources = request.files.length > 0 ? request.files : data[request.dataset];
  if (sources === void 0) throw new UsageError(`mlops.yml has no data.${request.dataset}`);
  const options = await validationOptions(
    context,
    request.workers === void 0 ? {} : { workers: request.workers },
    () => Promise.resolve({ none: "" })
  );
  const tempDir = await mkdtemp5(path14.join(options.tempDir ?? context.workspace.dir, "profile-"));
  try {
    let entries = await listSources(sources, context.loaded.root, options.store ?? {});
    if (request.shard) entries = shardOf(entries, request.shard.index, request.shard.count);
    const profile = await profileSources(request.dataset, entries, data, context.loaded.root, options, tempDir);
    profile.shard = request.shard;
    const suffix = request.shard ? `-${request.shard.index}-of-${request.shard.count}` : "";
    const file = request.out ?? path14.join(context.workspace.outDir, `profile-${request.dataset}${suffix}.json`);
    await mkdir8(path14.dirname(file), { recursive: true });
    await writeFile3(file, `${JSON.stringify(profile)}
`);
    return { profile, file };
  } finally {
    await rm7(tempDir, { recursive: true, force: true });
  }
}
async function mergeProfileFiles(files, out, shownFrom) {
  const profiles = [];
  for (const file of files) {
    const shown = path14.relative(shownFrom, file) || file;
    let text;
    try {
      text = await readFile5(file, "utf8");
    } catch (error) {
      throw new InputError(`profile not found: ${shown}`, { cause: error });
    }
    profiles.push(readProfile(text, shown));
  }
  const merged = mergeProfiles(profiles);
  await mkdir8(path14.dirname(out), { recursive: true });
  await writeFile3(out, `${JSON.stringify(merged)}
`);
  return merged;
}

// src/registry/publish.ts
import path16 from "node:path";

// src/data/fingerprint.ts
import path15 from "node:path";
async function fingerprintDatasets(data, root, settings2) {
  const fingerprints = [];
  for (const [dataset, sources] of [
    ["train", data?.train],
    ["eval", data?.eval]
  ]) {
    if (sources === void 0) continue;
    const files = [];
    for (const entry of await listSources(sources, root, settings2)) {
      if (entry.kind === "local") {
        const { size, sha256 } = await sha256File(entry.path);
        files.push({ path: path15.relative(root, entry.path).split(path15.sep).join("/"), size, sha256 });
      } else {
        const head = await entry.store.head(entry.key);
        files.push(
          head ? { path: entry.shown, size: head.size, etag: head.etag } : { path: entry.shown, size: 0, etag: "missing" }
        );
      }
    }
    fingerprints.push({ dataset, files });
  }
  return fingerprints;
}
function describeFingerprint(fingerprints) {
  return fingerprints.flatMap(
    (f) => f.files.map((file) => `${f.dataset}	${file.path}	${file.size}	${file.sha256 ?? `etag:${file.etag ?? ""}`}`)
  ).join("\n");
}

// src/registry/progress.ts
var BIG = 32 * 1024 * 1024;
function progressReporter(log2, clock) {
  const started = /* @__PURE__ */ new Map();
  return (event) => {
    const id = `${event.direction}:${event.path}`;
    const verb = event.direction === "upload" ? "uploading" : "downloading";
    let state = started.get(id);
    if (!state) {
      state = { at: clock(), tenths: 0 };
      started.set(id, state);
      if (event.total >= BIG && !event.done) log2(`${verb} ${event.path} (${formatBytes(event.total)})`);
    }
    if (event.done) {
      started.delete(id);
      const seconds = (clock() - state.at) / 1e3;
      const rate = seconds > 0 ? `, ${formatBytes(event.total / seconds)}/s` : "";
      const verified = event.direction === "download" ? ", sha256 verified" : "";
      const past = event.direction === "upload" ? "uploaded" : "downloaded";
      log2(`${past} ${event.path}: ${formatBytes(event.total)} in ${seconds.toFixed(1)} s${rate}${verified}`);
      return;
    }
    if (event.total < BIG) return;
    const tenths = Math.floor(event.bytes / event.total * 10);
    if (tenths > state.tenths && tenths < 10) {
      state.tenths = tenths;
      log2(`  ${event.path}: ${tenths * 10}% (${formatBytes(event.bytes)} of ${formatBytes(event.total)})`);
    }
  };
}
function formatBytes(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

// src/registry/publish.ts
async function publishModel(context, registry, inputs) {
  const { loaded, provenance } = context;
  const { config, root } = loaded;
  const targets = config.publish.files ?? config.train?.outputs ?? [];
  if (targets.length === 0) {
    throw new InputError("nothing to publish: publish.files and train.outputs are both empty", {
      hint: "list the model files in publish.files"
    });
  }
  let digests;
  try {
    digests = await digestFiles(root, targets);
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) {
      throw new InputError(`cannot publish: ${path16.relative(root, error.path ?? "") || "a file"} does not exist`, {
        hint: "run the train stage first (publish.files or train.outputs)"
      });
    }
    throw error;
  }
  const data = await fingerprintDatasets(config.data, root, projectStoreSettings(config.registry, context.env));
  const progress = progressReporter(
    (line) => context.logger.info(line),
    () => context.now().getTime()
  );
  const manifest = await registry.publish(
    {
      model: config.model.name,
      files: digests.map((d) => ({ path: d.path, source: path16.join(root, d.path) })),
      // The evaluation predictions travel with the version, so a later candidate can be tested against them row by row.
      attachments: [
        ...inputs.evaluation?.predictions ? [{ name: "predictions", source: inputs.evaluation.predictions.snapshot }] : [],
        ...inputs.validation?.profile ? [{ name: "profile", source: inputs.validation.profile }] : []
      ],
      metrics: inputs.evaluation?.metrics ?? {},
      slices: inputs.evaluation?.slices ?? [],
      gate: inputs.gate && inputs.gate.verdict !== "skipped" ? { verdict: inputs.gate.verdict, baseline: inputs.gate.baseline?.description ?? null } : null,
      params: inputs.train?.params ?? {},
      data,
      git: { sha: provenance.gitSha, ref: provenance.ref },
      runUrl: provenance.runUrl,
      actor: provenance.actor,
      repository: provenance.repository,
      kitVersion: KIT_VERSION
    },
    { onProgress: progress }
  );
  await cleanDebris(context, registry, config.model.name);
  const alias = config.publish.promote;
  let promoted = null;
  let promotion;
  if (alias === false) {
    promotion = "not promoted: publish.promote is false";
  } else if (!inputs.gate || inputs.gate.verdict === "skipped") {
    promotion = `not promoted to ${alias}: no gate verdict (run the gate stage first)`;
  } else if (inputs.gate.verdict !== "pass") {
    promotion = `not promoted to ${alias}: the gate verdict is ${inputs.gate.verdict}`;
  } else if (!promotesFrom(provenance.ref, config.publish.promote_branches)) {
    promotion = `not promoted to ${alias}: ${provenance.ref} is not one of publish.promote_branches (${config.publish.promote_branches.join(", ")})`;
  } else {
    const baseline = inputs.gate.baseline?.description;
    await registry.moveAlias(config.model.name, alias, manifest.version, {
      at: context.now().toISOString(),
      actor: provenance.actor,
      reason: baseline ? `gate passed against ${baseline}` : "gate passed (first version)",
      runUrl: provenance.runUrl,
      forced: false
    });
    promoted = alias;
    promotion = `promoted to ${alias}`;
  }
  return {
    stage: "publish",
    model: config.model.name,
    version: manifest.version,
    sequence: manifest.sequence ?? null,
    uri: `${registry.location}/${config.model.name}/versions/${manifest.version}`,
    manifest: `${registry.location}/${config.model.name}/versions/${manifest.version}/manifest.json`,
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    promoted,
    promotion
  };
}
function promotesFrom(ref, branches) {
  if (ref === null) return true;
  const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  return branch !== void 0 && branches.includes(branch);
}
async function cleanDebris(context, registry, model) {
  try {
    const cleaned = await registry.clean(model);
    if (cleaned.versions.length > 0 || cleaned.uploads > 0) {
      context.logger.info(
        `removed the debris of ${cleaned.versions.length} interrupted publish(es) (${cleaned.objects} object(s)) and ${cleaned.uploads} unfinished upload(s)`
      );
    }
  } catch (error) {
    context.logger.warn(
      `could not clean up after interrupted publishes: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

// src/train/section.ts
function trainSection(result) {
  if (result.status === "skipped")
    return {
      title: "Training",
      status: "skipped",
      headline: "no train section",
      blocks: [{ kind: "text", text: "No train section in the config." }]
    };
  const seconds = (ms) => `${(ms / 1e3).toFixed(1)} s`;
  const hit = result.cache.status === "hit" && result.cache.reusedFrom !== null;
  const blocks = [
    {
      kind: "text",
      text: hit ? `${result.command ?? ""} \u2014 not run: cache hit, outputs restored in ${seconds(result.durationMs)}.` : `${result.command ?? ""} \u2014 ${seconds(result.durationMs)}, exit code ${result.exitCode ?? "none"}${result.peakMemoryBytes === null ? "" : `, peak memory ${formatBytes(result.peakMemoryBytes)}`}.`
    }
  ];
  if (result.leg) blocks.push({ kind: "text", text: `Sweep leg ${result.leg.id}: ${result.leg.name}.` });
  blocks.push({ kind: "text", text: cacheLine(result) });
  const params = Object.entries(result.params);
  if (params.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        headers: ["param", "value"],
        rows: params.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])
      }
    });
  }
  if (result.failure) blocks.push({ kind: "code", text: result.failure });
  if (result.outputs.length > 0) {
    blocks.push({
      kind: "details",
      summary: `Outputs (${result.outputs.length} files)`,
      blocks: [
        {
          kind: "table",
          table: {
            headers: ["file", "bytes", "sha256"],
            rows: result.outputs.map((o) => [o.path, String(o.size), o.sha256.slice(0, 12)]),
            align: ["left", "right", "left"]
          }
        }
      ]
    });
  }
  const headline = result.status !== "ok" ? `exit code ${result.exitCode ?? "none"}` : hit ? `cache hit, ${result.outputs.length} output file(s) restored` : `${seconds(result.durationMs)}, ${result.outputs.length} output file(s)${result.cache.status === "off" ? "" : ", cache miss"}`;
  return { title: "Training", status: result.status === "ok" ? "ok" : "failed", headline, blocks };
}
function cacheLine(result) {
  const { cache } = result;
  const where = cache.location ? ` (${cache.backend}: ${cache.location})` : "";
  const key = cache.key ? `, key ${cache.key.slice(-64, -52)}` : "";
  const notes = cache.notes.length > 0 ? ` Notes: ${cache.notes.join("; ")}.` : "";
  switch (cache.status) {
    case "hit":
      return `Run cache: hit${where}${key}. Reused the outputs of run ${cache.reusedFrom ? describeRun(cache.reusedFrom) : "?"}.${notes}`;
    case "off":
      return `Run cache: off.${notes}`;
    case "forced":
      return `Run cache: skipped (--force)${where}${key}; ${cache.saved ? "the new outputs were saved" : "not saved"}.${notes}`;
    default:
      return `Run cache: ${cache.status}${where}${key}; ${cache.saved ? "this run's outputs were saved" : "this run's outputs were not saved"}.${notes}`;
  }
}

// src/pipeline/stages.ts
async function saveStageRun(context, name, result, section, exitCode) {
  const { workspace } = context;
  await mkdir9(workspace.outDir, { recursive: true });
  const resultFile = workspace.resultFile(name);
  const reportFile = workspace.reportFile(name);
  await writeFile4(resultFile, `${JSON.stringify(result, null, 2)}
`);
  await writeFile4(reportFile, `${renderMarkdown(section)}
`);
  return { result, section, exitCode, resultFile, reportFile };
}
async function readStageResult(context, stage) {
  let text;
  try {
    text = await readFile6(context.workspace.resultFile(stage), "utf8");
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return null;
    throw error;
  }
  const value = JSON.parse(text);
  if (value.stage !== stage) throw new InputError(`${context.workspace.resultFile(stage)} is not a ${stage} result`);
  return value;
}
async function runValidateStage(context, options = {}) {
  const validation = await validateDatasets(
    context.loaded.config.data,
    context.loaded.root,
    await validationOptions(context, options, () => championProfile(context))
  );
  const { result } = validation;
  for (const finding of result.datasets.flatMap((d) => d.findings)) {
    const message = `${finding.dataset}${finding.column ? ` column ${finding.column}` : ""}: ${finding.message} (${finding.count} row(s), e.g. ${finding.observed}${finding.rows.length > 0 ? ` at row ${finding.rows.join(", ")}` : ""})`;
    const location = context.loaded.locate(finding.configPath);
    if (finding.severity === "error") context.logger.error(message, location);
    else context.logger.warn(message, location);
  }
  for (const column of result.drift?.columns ?? []) {
    if (column.drifted) {
      context.logger.info(`drift: ${column.column}: ${column.method} ${formatShort(column.value)} (${column.measure})`);
    }
  }
  await mkdir9(context.workspace.outDir, { recursive: true });
  const train = validation.profiles.get("train");
  if (train) {
    result.profile = path17.join(context.workspace.outDir, "profile-train.json");
    await writeFile4(result.profile, `${JSON.stringify(train)}
`);
  }
  return saveStageRun(
    context,
    "validate",
    result,
    validateSection(result),
    result.verdict === "fail" ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function runTrainStage(context, options) {
  const result = await trainModel(context, options);
  if (result.failure) context.logger.error(result.failure);
  return saveStageRun(
    context,
    "train",
    result,
    trainSection(result),
    result.status === "failed" ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function runEvaluateStage(context) {
  const result = await evaluateModel(context);
  if (result.failure) context.logger.error(result.failure);
  for (const warning of result.warnings) context.logger.warn(warning);
  return saveStageRun(
    context,
    "evaluate",
    result,
    evaluateSection(result),
    result.status === "failed" ? ExitCode.checkFailed : ExitCode.ok
  );
}
async function runGateStage(context) {
  const evaluation = await readStageResult(context, "evaluate");
  if (!evaluation) {
    throw new InputError("there are no metrics to gate: the evaluate stage has not run in this workspace", {
      hint: "run `mlops evaluate` first (or `mlops run`)"
    });
  }
  const registry = await openRegistry(context);
  const result = await runGate(context, evaluation, registry);
  for (const outcome of result.outcomes) {
    if (outcome.verdict !== "fail" && outcome.verdict !== "error" && outcome.verdict !== "warn") continue;
    const location = context.loaded.locate(["gate", "rules", outcome.rule]);
    const message = `gate: ${outcome.metric}${outcome.slice ? ` [${outcome.slice.column}=${outcome.slice.value}]` : ""}: ${outcome.reason}`;
    if (outcome.verdict === "warn") context.logger.warn(message, location);
    else context.logger.error(message, location);
  }
  const exitCode = result.verdict === "fail" ? ExitCode.checkFailed : result.verdict === "error" ? ExitCode.usageOrConfig : ExitCode.ok;
  return saveStageRun(context, "gate", result, gateSection(result), exitCode);
}
async function runPublishStage(context) {
  const [validation, train, evaluation, gate] = await Promise.all([
    readStageResult(context, "validate"),
    readStageResult(context, "train"),
    readStageResult(context, "evaluate"),
    readStageResult(context, "gate")
  ]);
  const registry = await openRegistry(context);
  const result = await publishModel(context, registry, { validation, train, evaluation, gate });
  return saveStageRun(context, "publish", result, publishSection(result), ExitCode.ok);
}
async function runPipeline(context, options) {
  const stages = [];
  const step = async (name, run) => {
    const outcome = await context.logger.group(name, run);
    stages.push(outcome);
    return outcome;
  };
  const stop = (at, exitCode) => ({ stage: "run", exitCode, stoppedAt: at, stages });
  const params = await resolveTrainParams(context.loaded, options.overrides);
  const validated = await step("validate", () => runValidateStage(context));
  if (validated.exitCode !== ExitCode.ok) return stop("validate", validated.exitCode);
  const { force, cacheChoice } = options;
  const trained = await step(
    "train",
    () => runTrainStage(context, {
      params,
      ...force === void 0 ? {} : { force },
      ...cacheChoice === void 0 ? {} : { cacheChoice }
    })
  );
  if (trained.exitCode !== ExitCode.ok) return stop("train", trained.exitCode);
  const evaluated = await step("evaluate", () => runEvaluateStage(context));
  if (evaluated.exitCode !== ExitCode.ok) return stop("evaluate", evaluated.exitCode);
  const gated = await step("gate", () => runGateStage(context));
  if (gated.result.verdict === "error") return stop("gate", gated.exitCode);
  if (options.publish) await step("publish", () => runPublishStage(context));
  return { stage: "run", exitCode: gated.exitCode, stoppedAt: null, stages };
}

export {
  glob,
  openObjectStore,
  projectStoreSettings,
  parseModelRef,
  createRegistry,
  openRegistry,
  displayPath,
  runProfile,
  mergeProfileFiles,
  fingerprintDatasets,
  describeFingerprint,
  progressReporter,
  formatBytes,
  CACHE_CHOICES,
  parseCacheChoice,
  openRunCache,
  resolveTrainParams,
  saveStageRun,
  readStageResult,
  runValidateStage,
  runTrainStage,
  runEvaluateStage,
  runGateStage,
  runPublishStage,
  runPipeline
};
