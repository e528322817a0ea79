;; The word walk of lowerCaseNamesFast (text-lower-names.ts) over an ASCII text, in WebAssembly
;; (wide21), and the one pass of scanText over an ASCII cell (text21): the keyword candidates and
;; which anchor characters occur. In JavaScript the word walk — a class test and an FNV-1a step a
;; character, a few tests a word — cost ≈ 20 ns a character on this machine under load, ≈ 50 % of
;; scanning a lower-case free-text cell; here the same steps without bounds checks or string dispatch.
;;
;; Compiled by scripts/gen-wasm.mjs (wabt) into text-lower-words.wasm.ts; text-lower-words.ts
;; loads it. Memory layout, written by the caller once per thread (the tables) and per text:
;;   [0, 131072)          the given-name Bloom filter: bit k = byte k >> 3, bit k & 7 (2^20 bits;
;;                        the same bits as the JavaScript Int32Array on a little-endian machine)
;;   [131072, 147456)     cue tails: 1 at (c1 << 7) | c2 when a cue ends in the characters c1 c2
;;   [147456, 147584)     FOLD of text-keywords.ts for bytes 0–127 (ASCII letters to lower case)
;;   [147584, 147712)     the anchor class of each byte 0–127 (text-lower-words.ts CLASS_*), OR-ed by `cell`
;;   [147712, 213248)     text-keywords.ts `triples` (the 3-character keywords' trigrams, hashed)
;;   [213248, 278784)     text-keywords.ts `quads` (every longer keyword's first four characters, hashed)
;;   [278784, …)          the text's bytes (at p), then 4 zero bytes, then the output arrays.
;; Contract (text-lower-names.test.ts compares both walks): the text is [p, p + n), every byte
;; < 128, followed by at least 4 zero bytes. A word starts at a byte in a–z followed by a byte in
;; [a-z'-], and runs while bytes are in [a-z'-]; each byte outside a word is skipped. `words`
;; writes, as (start, end) i32 pairs from `out` (offsets in the text), each word followed by one
;; space, then a–z, then [a-z'-], whose FNV-1a hash passes the Bloom filter; and as i32 from
;; `cues` the end of each word followed by a space or a tab whose last two bytes are a cue tail.
;; Returns the number of pairs; leaves the number of cue ends in the global `cueCount`.
(module
  (memory (export "memory") 5)
  (global $cueCount (export "cueCount") (mut i32) (i32.const 0))
  (global $mask (export "mask") (mut i32) (i32.const 0))

  ;; scanText's pass over an ASCII cell (text21), n ≥ 4: writes from `out` (i32 each) what
  ;; text-keywords.ts `candidates` writes — every position i where the folded trigram at i is a
  ;; 3-character keyword's (`triples`) or the trigram and fourth byte a longer keyword's first four
  ;; (`quads`), plus n − 3 when its trigram is in `triples` — and returns their count; leaves in
  ;; the global `mask` the OR of every byte's anchor class. The same branch-free walk as the
  ;; JavaScript (one store and one count step a byte), the same hashes.
  (func (export "cell") (param $p i32) (param $n i32) (param $out i32) (result i32)
    (local $i i32)
    (local $last i32)
    (local $t i32)
    (local $c i32)
    (local $c3 i32)
    (local $k i32)
    (local $m i32)
    (local.set $t
      (i32.or (i32.or
        (i32.shl (i32.load8_u offset=147456 (i32.load8_u (local.get $p))) (i32.const 14))
        (i32.shl (i32.load8_u offset=147456 (i32.load8_u offset=1 (local.get $p))) (i32.const 7)))
        (i32.load8_u offset=147456 (i32.load8_u offset=2 (local.get $p)))))
    (local.set $m
      (i32.or (i32.or
        (i32.load8_u offset=147584 (i32.load8_u (local.get $p)))
        (i32.load8_u offset=147584 (i32.load8_u offset=1 (local.get $p))))
        (i32.load8_u offset=147584 (i32.load8_u offset=2 (local.get $p)))))
    (local.set $last (i32.sub (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $last)))
        (local.set $c (i32.load8_u offset=3 (i32.add (local.get $p) (local.get $i))))
        (local.set $m (i32.or (local.get $m) (i32.load8_u offset=147584 (local.get $c))))
        (local.set $c3 (i32.load8_u offset=147456 (local.get $c)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $i))
        (local.set $k (i32.add (local.get $k)
          (i32.or
            (i32.load8_u offset=147712 (i32.shr_u (i32.mul (local.get $t) (i32.const 0x85ebca6b)) (i32.const 16)))
            (i32.load8_u offset=213248 (i32.shr_u (i32.mul (i32.or (i32.shl (local.get $t) (i32.const 7)) (local.get $c3)) (i32.const 0x9e3779b1)) (i32.const 16))))))
        (local.set $t (i32.or (i32.and (i32.shl (local.get $t) (i32.const 7)) (i32.const 0x1fffff)) (local.get $c3)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    ;; The last position a keyword fits at: only a 3-character one.
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $last))
    (global.set $mask (local.get $m))
    (i32.add (local.get $k) (i32.load8_u offset=147712 (i32.shr_u (i32.mul (local.get $t) (i32.const 0x85ebca6b)) (i32.const 16)))))

  (func (export "words") (param $p i32) (param $n i32) (param $out i32) (param $cues i32) (result i32)
    (local $i i32)
    (local $end i32)
    (local $c i32)
    (local $d i32)
    (local $e i32)
    (local $h i32)
    (local $w i32)   ;; pairs written
    (local $k i32)   ;; cue ends written
    (local $x i32)
    (local $b i32)   ;; a Bloom bit
    (local.set $i (local.get $p))
    (local.set $end (i32.add (local.get $p) (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $i)))
        (local.set $d (i32.load8_u offset=1 (local.get $i)))
        ;; a–z, then [a-z'-]
        (if (i32.eqz (i32.and (i32.lt_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 26))
            (i32.or (i32.lt_u (i32.sub (local.get $d) (i32.const 97)) (i32.const 26)) (i32.or (i32.eq (local.get $d) (i32.const 39)) (i32.eq (local.get $d) (i32.const 45))))))
          (then
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        ;; FNV-1a over the word (Math.imul wraps as i32.mul does).
        (local.set $h (i32.mul (i32.xor (i32.const 0x811c9dc5) (local.get $c)) (i32.const 0x01000193)))
        (local.set $e (i32.add (local.get $i) (i32.const 1)))
        (block $wordEnd
          (loop $word
            (local.set $d (i32.load8_u (local.get $e)))
            (br_if $wordEnd (i32.eqz (i32.or (i32.lt_u (i32.sub (local.get $d) (i32.const 97)) (i32.const 26)) (i32.or (i32.eq (local.get $d) (i32.const 39)) (i32.eq (local.get $d) (i32.const 45))))))
            (local.set $h (i32.mul (i32.xor (local.get $h) (local.get $d)) (i32.const 0x01000193)))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $word)))
        ;; d = the byte after the word (a zero past the text's end).
        (if (i32.or (i32.eq (local.get $d) (i32.const 32)) (i32.eq (local.get $d) (i32.const 9)))
          (then
            (if (i32.load8_u offset=131072
                  (i32.or
                    (i32.shl (i32.load8_u (i32.sub (local.get $e) (i32.const 2))) (i32.const 7))
                    (i32.load8_u (i32.sub (local.get $e) (i32.const 1)))))
              (then
                (i32.store (i32.add (local.get $cues) (i32.shl (local.get $k) (i32.const 2))) (i32.sub (local.get $e) (local.get $p)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))))))
        (if (i32.eq (local.get $d) (i32.const 32))
          (then
            (local.set $c (i32.load8_u offset=1 (local.get $e)))
            (local.set $x (i32.load8_u offset=2 (local.get $e)))
            (if (i32.and (i32.lt_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 26))
                  (i32.or (i32.lt_u (i32.sub (local.get $x) (i32.const 97)) (i32.const 26)) (i32.or (i32.eq (local.get $x) (i32.const 39)) (i32.eq (local.get $x) (i32.const 45)))))
              (then
                ;; Two bits: h's low 20, and the top 20 of h × 0x9e3779b1 (text-lower-names.ts bit2).
                (local.set $b (i32.and (local.get $h) (i32.const 0xfffff)))
                (if (i32.and (i32.load8_u (i32.shr_u (local.get $b) (i32.const 3))) (i32.shl (i32.const 1) (i32.and (local.get $b) (i32.const 7))))
                  (then
                    (local.set $b (i32.shr_u (i32.mul (local.get $h) (i32.const 0x9e3779b1)) (i32.const 12)))
                    (if (i32.and (i32.load8_u (i32.shr_u (local.get $b) (i32.const 3))) (i32.shl (i32.const 1) (i32.and (local.get $b) (i32.const 7))))
                      (then
                        (i32.store (i32.add (local.get $out) (i32.shl (local.get $w) (i32.const 3))) (i32.sub (local.get $i) (local.get $p)))
                        (i32.store offset=4 (i32.add (local.get $out) (i32.shl (local.get $w) (i32.const 3))) (i32.sub (local.get $e) (local.get $p)))
                        (local.set $w (i32.add (local.get $w) (i32.const 1)))))))))))
        (local.set $i (local.get $e))
        (br $next)))
    (global.set $cueCount (local.get $k))
    (local.get $w))
)
