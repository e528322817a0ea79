/**
 * Minimal streaming XML tokenizer for the SpreadsheetML parts of an XLSX (ECMA-376 Part 1 §18):
 * start tags with raw attributes, end tags and text, fed chunk by chunk. No DTDs or entity
 * definitions are honoured (so no entity-expansion bombs); only the five predefined entities and
 * character references are decoded (XML 1.0 §4.6, §4.1).
 */

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(raw: string): void;
  /**
   * Optional fast path, tried at every `<`: consumes a whole common construct at s[lt] (e.g. a
   * spreadsheet cell) exactly as open/text/close would have, and returns the index after it; −1
   * leaves the tag to the general path.
   */
  fast?(s: string, lt: number): number;
}

/** Local name without namespace prefix: `x:row` → `row`. */
const local = (qname: string) => {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
};

export class XmlScanner {
  private carry = '';
  constructor(
    private readonly h: XmlHandler,
    private readonly maxTag: number,
  ) {}

  /** Whether an unfinished tag waits for the next chunk. */
  get pending(): boolean {
    return this.carry.length > 0;
  }

  /** Returns false when a single tag exceeds maxTag (input is not sane XML). */
  feed(chunk: string): boolean {
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    const n = s.length;
    const fast = this.h.fast === undefined ? undefined : this.h.fast.bind(this.h);
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        this.h.text(s.slice(i));
        return true;
      }
      if (lt > i) this.h.text(s.slice(i, lt));
      if (fast !== undefined) {
        const j = fast(s, lt);
        if (j >= 0) {
          i = j;
          continue;
        }
      }
      let end: number;
      if (s.startsWith('<!--', lt)) {
        end = s.indexOf('-->', lt + 4);
        if (end >= 0) end += 2;
      } else if (s.startsWith('<![CDATA[', lt)) {
        end = s.indexOf(']]>', lt + 9);
        if (end >= 0) {
          this.h.text(escapeText(s.slice(lt + 9, end)));
          end += 2;
        }
      } else end = s.indexOf('>', lt + 1);
      if (end < 0) {
        this.carry = s.slice(lt);
        return this.carry.length <= this.maxTag;
      }
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) this.h.close(local(s.slice(lt + 2, end).trim()));
      else if (c !== 63 /* ? */ && c !== 33 /* ! */) {
        const self = s.charCodeAt(end - 1) === 47;
        const body = s.slice(lt + 1, self ? end - 1 : end);
        let sp = 0;
        while (sp < body.length && body.charCodeAt(sp) > 32) sp++;
        this.h.open(local(body.slice(0, sp)), body.slice(sp), self);
        if (self) this.h.close(local(body.slice(0, sp)));
      }
      i = end + 1;
    }
    return true;
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] !== '#') return ENT[e];
    const cp = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

/** Value of one attribute from a raw attribute string. */
const ATTR_RE = new Map<string, RegExp>();

export function attr(attrs: string, name: string): string | null {
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : null;
}
