;; markLine (text-anchors.ts) in WebAssembly: the keyword and name candidates of one ASCII line.
;; The JavaScript loop costs ≈ 3.5 ns a byte (two table loads and a range test per byte, with
;; bounds checks); here the same loads without them.
;;
;; `numbers` (WebAssembly SIMD, 16 bytes a step) lists where text-numbers.ts NUMBER_RUN can start
;; a match, over a whole block at once (see its comment).
;;
;; Compiled by scripts/gen-wasm.mjs (wabt, SIMD enabled) into text-anchors.wasm.ts; text-anchors.ts
;; loads it.
;; Memory layout, written by the caller once per thread (the tables) and per block (the bytes):
;;   [0, 16384)           bigrams: 1 where a keyword starts with these two folded characters
;;   [16384, 81920)       quads: the 4-gram slots (text-keywords.ts quadSlot)
;;   [81920, 82176)       fold: FOLD of each byte value (ASCII letters lower-cased, ≥ 128 → 0)
;;   [131072, 2228224)    trigrams: 0, 1 (a 3-letter keyword) or 2 (only longer keywords)
;;   [2228224, …)         the block's bytes, then the two output arrays (i32) the caller places.
;; Contract, checked by text-anchors.test.ts against the JavaScript loop: the line is
;; [s, s + n), n ≥ 0, and memory holds at least 3 readable bytes after it (the caller keeps
;; padding after the block); mark(s, n, kw, name) writes the keyword candidates (offsets in the
;; line, ascending) from kw and the name candidates from name, returns the number of keyword
;; candidates and leaves the number of name candidates in the global `names`.
(module
  (memory (export "memory") 35)
  (global $names (export "names") (mut i32) (i32.const 0))

  (func $mark (export "mark") (param $s i32) (param $n i32) (param $kw i32) (param $name i32) (result i32)
    (local $i i32)
    (local $p i32)    ;; s + i
    (local $b i32)    ;; folded bigram of bytes i, i + 1
    (local $c i32)
    (local $d i32)
    (local $t i32)    ;; folded trigram
    (local $kind i32)
    (local $kn i32)   ;; keyword candidates written
    (local $nn i32)   ;; name candidates written
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then (local.set $b (i32.load8_u offset=81920 (i32.load8_u (local.get $s))))))
    (block $done
      (loop $bytes
        (br_if $done (i32.ge_s (i32.add (local.get $i) (i32.const 1)) (local.get $n)))
        (local.set $p (i32.add (local.get $s) (local.get $i)))
        (local.set $c (i32.load8_u (local.get $p)))
        (local.set $d (i32.load8_u offset=1 (local.get $p)))
        ;; A–Z, then a–z, a space, or ". " (the '.' and ' ' both inside the line).
        (if (i32.lt_u (i32.sub (local.get $c) (i32.const 65)) (i32.const 26))
          (then
            (if (i32.or
                  (i32.or
                    (i32.lt_u (i32.sub (local.get $d) (i32.const 97)) (i32.const 26))
                    (i32.eq (local.get $d) (i32.const 32)))
                  (i32.and
                    (i32.and
                      (i32.eq (local.get $d) (i32.const 46))
                      (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $n)))
                    (i32.eq (i32.load8_u offset=2 (local.get $p)) (i32.const 32))))
              (then
                (i32.store (i32.add (local.get $name) (i32.shl (local.get $nn) (i32.const 2))) (local.get $i))
                (local.set $nn (i32.add (local.get $nn) (i32.const 1)))))))
        (local.set $b
          (i32.or
            (i32.and (i32.shl (local.get $b) (i32.const 7)) (i32.const 0x3fff))
            (i32.load8_u offset=81920 (local.get $d))))
        (if (i32.and
              (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $n))
              (i32.load8_u (local.get $b)))
          (then
            (local.set $t
              (i32.or
                (i32.shl (local.get $b) (i32.const 7))
                (i32.load8_u offset=81920 (i32.load8_u offset=2 (local.get $p)))))
            (local.set $kind (i32.load8_u offset=131072 (local.get $t)))
            (if (i32.or
                  (i32.eq (local.get $kind) (i32.const 1))
                  (i32.and
                    (i32.and
                      (i32.eq (local.get $kind) (i32.const 2))
                      (i32.lt_s (i32.add (local.get $i) (i32.const 3)) (local.get $n)))
                    ;; quads[quadSlot(t, fold(byte i + 3))]: imul(t << 7 | c3, 0x9e3779b1) >>> 16
                    (i32.load8_u offset=16384
                      (i32.shr_u
                        (i32.mul
                          (i32.or
                            (i32.shl (local.get $t) (i32.const 7))
                            (i32.load8_u offset=81920 (i32.load8_u offset=3 (local.get $p))))
                          (i32.const 0x9e3779b1))
                        (i32.const 16)))))
              (then
                (i32.store (i32.add (local.get $kw) (i32.shl (local.get $kn) (i32.const 2))) (local.get $i))
                (local.set $kn (i32.add (local.get $kn) (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))
    (global.set $names (local.get $nn))
    (local.get $kn))
  ;; mark over every line of a block at once (one call a block instead of one a line: the
  ;; JavaScript-to-WebAssembly call and the copy of each line's candidates out of memory were
  ;; ≈ 10 % of a detection thread on `authlog`, issue 21). Lines as text-reader.ts
  ;; textBlockLines cuts them: at each '\n', a line's trailing '\r' left out, no line after a final
  ;; '\n'. A line with a byte ≥ 128 is not marked (no candidates written for it). For each line,
  ;; 16 bytes at `tab`: the keyword and name candidates written so far (after this line), the
  ;; line's start and (end << 1 | 1 when marked), offsets from p. Candidates are offsets in their
  ;; line, written from kw and from name; the block's total name candidates are left in `names`.
  ;; Returns the number of lines. Memory holds 3 readable bytes after the block (as for mark).
  (func (export "markBlock") (param $p i32) (param $len i32) (param $kw i32) (param $name i32) (param $tab i32) (result i32)
    (local $s i32)
    (local $q i32)
    (local $e i32)
    (local $end i32)
    (local $c i32)
    (local $asc i32)
    (local $kn i32)
    (local $nn i32)
    (local $lines i32)
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (local.set $s (local.get $p))
    (block $out
      (loop $line
        (br_if $out (i32.ge_u (local.get $s) (local.get $end)))
        ;; q: this line's '\n' (or the block's end); asc: no byte ≥ 128 before it
        (local.set $q (local.get $s))
        (local.set $asc (i32.const 1))
        (block $found
          (loop $scan
            (br_if $found (i32.ge_u (local.get $q) (local.get $end)))
            (local.set $c (i32.load8_u (local.get $q)))
            (br_if $found (i32.eq (local.get $c) (i32.const 10)))
            (local.set $asc (i32.and (local.get $asc) (i32.lt_u (local.get $c) (i32.const 128))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $scan)))
        (local.set $e (local.get $q))
        (if (i32.gt_u (local.get $e) (local.get $s))
          (then
            (if (i32.eq (i32.load8_u (i32.sub (local.get $e) (i32.const 1))) (i32.const 13))
              (then (local.set $e (i32.sub (local.get $e) (i32.const 1)))))))
        (if (local.get $asc)
          (then
            (local.set $kn
              (i32.add (local.get $kn)
                (call $mark (local.get $s) (i32.sub (local.get $e) (local.get $s))
                  (i32.add (local.get $kw) (i32.shl (local.get $kn) (i32.const 2)))
                  (i32.add (local.get $name) (i32.shl (local.get $nn) (i32.const 2))))))
            (local.set $nn (i32.add (local.get $nn) (global.get $names)))))
        (i32.store (local.get $tab) (local.get $kn))
        (i32.store offset=4 (local.get $tab) (local.get $nn))
        (i32.store offset=8 (local.get $tab) (i32.sub (local.get $s) (local.get $p)))
        (i32.store offset=12 (local.get $tab)
          (i32.or (i32.shl (i32.sub (local.get $e) (local.get $p)) (i32.const 1)) (local.get $asc)))
        (local.set $tab (i32.add (local.get $tab) (i32.const 16)))
        (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
        (local.set $s (i32.add (local.get $q) (i32.const 1)))
        (br $line)))
    (global.set $names (local.get $nn))
    (local.get $lines))
;; Where NUMBER_RUN = /[+(]?\d[\d\-. ()/]{5,32}\d…/ can start a match: at a digit from which
  ;; at least 7 bytes of its inner class T = [0-9\-. ()/] follow (itself included), or at a '+'
  ;; or '(' just before such a digit. Every match starts at one of these (its first 7 characters
  ;; are [+(]? then a digit and 6 more of T). Written as spans [lo, hi] (i32 pairs from `out`,
  ;; offsets from `base`, ascending): the maximal ranges of positions k with a T-run of ≥ 7 from
  ;; k, each widened by the '+' just before it when the span starts with a digit. Every possible
  ;; start lies in a span, and in a span the starts are its digits and each '+'/'(' before a digit
  ;; of the span (text-scan.ts numberRunsAmong tests those characters). Spans are separated by
  ;; ≥ 8 bytes, so there are at most n / 8 + 1 (the caller reserves n + 16 bytes at out).
  ;; Bytes [p, p + n) are examined; memory holds 32 zeroed bytes after them (0 is not in T, so a
  ;; span ends at the block's end). Returns the number of i32 written (twice the spans).
  ;; Per 16-byte chunk: vector class tests → bit masks; with the next chunk's T mask, bit k of
  ;; R (T-run of ≥ 7 from k) is M & M>>1 & … & M>>6, M = 32 bits of T over both chunks.
  (func (export "numbers") (param $p i32) (param $n i32) (param $base i32) (param $out i32) (result i32)
    (local $i i32)
    (local $v v128)
    (local $t0 i32) (local $d0 i32) (local $s0 i32)   ;; this chunk: T, digit, '+' masks
    (local $t1 i32) (local $d1 i32) (local $s1 i32)   ;; the next chunk's
    (local $m i32)
    (local $r i32)
    (local $prev i32)  ;; 1 when the previous chunk's last position was in a span
    (local $st i32)    ;; span starts in this chunk
    (local $en i32)    ;; span ends (last positions) in this chunk
    (local $ev i32)
    (local $k i32)
    (local $at i32)
    (local $w i32)     ;; out + 4 × (i32 written)
    (local.set $w (local.get $out))
    (local.set $v (v128.load (local.get $p)))
    (local.set $t0
      (i8x16.bitmask
        (v128.or
          (v128.or
            (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 45))) (i8x16.splat (i32.const 13)))
            (i8x16.eq (local.get $v) (i8x16.splat (i32.const 32))))
          (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 40))) (i8x16.splat (i32.const 2))))))
    (local.set $d0 (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 48))) (i8x16.splat (i32.const 10)))))
    (local.set $s0 (i8x16.bitmask (i8x16.eq (local.get $v) (i8x16.splat (i32.const 43)))))
    (block $done
      (loop $chunks
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $v (v128.load offset=16 (i32.add (local.get $p) (local.get $i))))
        (local.set $t1
          (i8x16.bitmask
            (v128.or
              (v128.or
                (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 45))) (i8x16.splat (i32.const 13)))
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 32))))
              (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 40))) (i8x16.splat (i32.const 2))))))
        (local.set $d1 (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 48))) (i8x16.splat (i32.const 10)))))
        (local.set $s1 (i8x16.bitmask (i8x16.eq (local.get $v) (i8x16.splat (i32.const 43)))))
        (local.set $m (i32.or (local.get $t0) (i32.shl (local.get $t1) (i32.const 16))))
        (local.set $r
          (i32.and
            (i32.and
              (i32.and (local.get $m) (i32.shr_u (local.get $m) (i32.const 1)))
              (i32.and (i32.shr_u (local.get $m) (i32.const 2)) (i32.shr_u (local.get $m) (i32.const 3))))
            (i32.and
              (i32.and (i32.shr_u (local.get $m) (i32.const 4)) (i32.shr_u (local.get $m) (i32.const 5)))
              (i32.shr_u (local.get $m) (i32.const 6)))))
        ;; A '+' just before a span that starts with a digit (bits 0…16 of r are exact here).
        (local.set $r
          (i32.or (local.get $r)
            (i32.and
              (i32.or (local.get $s0) (i32.shl (local.get $s1) (i32.const 16)))
              (i32.shr_u
                (i32.and (local.get $r) (i32.or (local.get $d0) (i32.shl (local.get $d1) (i32.const 16))))
                (i32.const 1)))))
        (local.set $st (i32.and (i32.and (local.get $r) (i32.xor (i32.or (i32.shl (local.get $r) (i32.const 1)) (local.get $prev)) (i32.const -1))) (i32.const 0xffff)))
        (local.set $en (i32.and (i32.and (local.get $r) (i32.xor (i32.shr_u (local.get $r) (i32.const 1)) (i32.const -1))) (i32.const 0xffff)))
        ;; The last chunk: only positions below n; a span running on past n ends at n - 1.
        (if (i32.lt_s (i32.sub (local.get $n) (local.get $i)) (i32.const 16))
          (then
            (local.set $k (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $n) (local.get $i))) (i32.const 1)))
            (local.set $st (i32.and (local.get $st) (local.get $k)))
            (local.set $en
              (i32.and
                (i32.or (local.get $en)
                  (i32.and (local.get $r) (i32.shl (i32.const 1) (i32.sub (i32.sub (local.get $n) (local.get $i)) (i32.const 1)))))
                (local.get $k)))))
        (local.set $prev (i32.and (i32.shr_u (local.get $r) (i32.const 15)) (i32.const 1)))
        (local.set $ev (i32.or (local.get $st) (local.get $en)))
        (local.set $at (i32.sub (i32.add (local.get $p) (local.get $i)) (local.get $base)))
        (block $none
          (loop $bits
            (br_if $none (i32.eqz (local.get $ev)))
            (local.set $k (i32.ctz (local.get $ev)))
            (if (i32.and (local.get $st) (i32.shl (i32.const 1) (local.get $k)))
              (then
                (i32.store (local.get $w) (i32.add (local.get $at) (local.get $k)))
                (local.set $w (i32.add (local.get $w) (i32.const 4)))))
            (if (i32.and (local.get $en) (i32.shl (i32.const 1) (local.get $k)))
              (then
                (i32.store (local.get $w) (i32.add (local.get $at) (local.get $k)))
                (local.set $w (i32.add (local.get $w) (i32.const 4)))))
            (local.set $ev (i32.and (local.get $ev) (i32.sub (local.get $ev) (i32.const 1))))
            (br $bits)))
        (local.set $t0 (local.get $t1))
        (local.set $d0 (local.get $d1))
        (local.set $s0 (local.get $s1))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $chunks)))
    (i32.shr_u (i32.sub (local.get $w) (local.get $out)) (i32.const 2)))
)
