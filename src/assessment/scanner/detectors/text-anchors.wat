;; markLine (text-anchors.ts) in WebAssembly: the keyword and name candidates of one ASCII line.
;; The JavaScript loop costs ≈ 3.5 ns a byte (two table loads and a range test per byte, with
;; bounds checks); here the same loads without them.
;;
;; Compiled by scripts/gen-wasm.mjs (wabt) into text-anchors.wasm.ts; text-anchors.ts loads it.
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

  (func (export "mark") (param $s i32) (param $n i32) (param $kw i32) (param $name i32) (result i32)
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
)
