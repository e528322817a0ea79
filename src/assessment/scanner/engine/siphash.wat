;; SipHash-2-4 with a 64-bit output, many messages per call: the blind-index digest of the scan's
;; strong identifiers (keyed-siphash.ts). The algorithm is the reference one, unchanged:
;; J.-P. Aumasson and D. J. Bernstein, "SipHash: a fast short-input PRF", INDOCRYPT 2012
;; (https://131002.net/siphash/), as in the reference C implementation (github.com/veorq/SipHash,
;; siphash.c with cROUNDS = 2, dROUNDS = 4, outlen = 8). keyed-siphash.test.ts checks the 64 test
;; vectors of that repository (vectors.h, vectors_sip64) and a BigInt transcription of siphash.c.
;;
;; WebAssembly MVP with i64 only (no SIMD: one message's state is a serial chain of 64-bit adds,
;; rotates and xors, which a scalar i64 pipeline runs as well as anything). Compiled by
;; scripts/gen-wasm.mjs (wabt) into siphash.wasm.ts.
;;
;; hash(entries, count, keys, out), all addresses into this module's memory:
;;   for i in [0, count): entry i is three little-endian u32 at entries + 12 i:
;;     (message byte offset p, message length len in bytes, key index k);
;;   key k is the 16 key bytes at keys + 16 k, read as k0 = u64 LE of the first 8, k1 of the last 8
;;   (siphash.c: k0 = U8TO64_LE(k), k1 = U8TO64_LE(k + 8));
;;   the output, SipHash-2-4(key, message[0, len)), is stored as an i64 LE at out + 8 i
;;   (the 8 bytes siphash.c writes with U64TO8_LE).
;; Contract: p + len >= 8 for every message, i.e. the 8 bytes before each message's end are in
;; memory (keyed-siphash.ts keeps every message at offset 8 or more). The last, partial word is
;; read with one 8-byte load that ends at the message's last byte (see the last word b below): the
;; bytes it takes from before the message are shifted out, and nothing after the message is ever read, so a
;; message may end at the very end of memory. Entries, keys and out may be unaligned; out must not
;; overlap a key or an entry not yet read.
(module
  (memory (export "memory") 1)

  (func (export "hash") (param $entries i32) (param $count i32) (param $keys i32) (param $out i32)
    (local $end i32)    ;; entries + 12 count: the first byte past the last entry
    (local $p i32)      ;; address of the next whole 8-byte word of the message
    (local $len i32)    ;; message length in bytes
    (local $stop i32)   ;; p + (len & ~7): the end of the whole words
    (local $k i32)      ;; address of the message's key
    (local $k0 i64)
    (local $k1 i64)
    (local $v0 i64)
    (local $v1 i64)
    (local $v2 i64)
    (local $v3 i64)
    (local $m i64)      ;; the word being absorbed
    (local $b i64)      ;; the last word: len << 56 | the len & 7 tail bytes
    (local.set $end (i32.add (local.get $entries) (i32.mul (local.get $count) (i32.const 12))))
    (block $done
      (br_if $done (i32.eqz (local.get $count)))
      ;; One iteration per message.
      (loop $message
        (local.set $p (i32.load (local.get $entries)))
        (local.set $len (i32.load offset=4 (local.get $entries)))
        (local.set $k
          (i32.add (local.get $keys) (i32.shl (i32.load offset=8 (local.get $entries)) (i32.const 4))))
        (local.set $k0 (i64.load (local.get $k)))
        (local.set $k1 (i64.load offset=8 (local.get $k)))
        ;; Initialization (paper §2.2; siphash.c): v0..v3 = k0, k1, k0, k1 xor
        ;; "somepseudorandomlygeneratedbytes".
        (local.set $v0 (i64.xor (local.get $k0) (i64.const 0x736f6d6570736575)))
        (local.set $v1 (i64.xor (local.get $k1) (i64.const 0x646f72616e646f6d)))
        (local.set $v2 (i64.xor (local.get $k0) (i64.const 0x6c7967656e657261)))
        (local.set $v3 (i64.xor (local.get $k1) (i64.const 0x7465646279746573)))
        (local.set $stop (i32.add (local.get $p) (i32.and (local.get $len) (i32.const -8))))

        ;; The last word b (siphash.c: b = inlen << 56, then the switch on left = inlen & 7 ORs in
        ;; the tail bytes ni[0..left) at bits 0, 8, ..). Computed up front: it does not depend on the
        ;; state. The 8 bytes ending at the message's end, read as a u64 LE, hold the tail in their
        ;; top `left` bytes, so a right shift by 64 - 8 left brings them down in order. When left is
        ;; 0 the shift count would be 64 (taken mod 64 by i64.shr_u, i.e. no shift): select 0 then.
        ;; This load is why the contract needs p + len >= 8; the bytes below the message are shifted out.
        (local.set $b
          (i64.or
            (i64.shl (i64.extend_i32_u (local.get $len)) (i64.const 56))
            (select
              (i64.shr_u
                (i64.load (i32.sub (i32.add (local.get $p) (local.get $len)) (i32.const 8)))
                (i64.extend_i32_u (i32.sub (i32.const 64) (i32.shl (i32.and (local.get $len) (i32.const 7)) (i32.const 3)))))
              (i64.const 0)
              (i32.and (local.get $len) (i32.const 7)))))

        ;; Compression (paper §2.3): each whole word m, read unaligned as a u64 LE, goes through
        ;; v3 ^= m; c = 2 SipRounds; v0 ^= m.
        (if (i32.ne (local.get $p) (local.get $stop))
          (then
            (loop $words
              (local.set $m (i64.load (local.get $p)))
              (local.set $v3 (i64.xor (local.get $v3) (local.get $m)))
              ;; SipRound 1 of 2 (siphash.c SIPROUND: ARX on v0..v3, rotations 13 16 21 17 32 32)
              local.get $v0 local.get $v1 i64.add local.set $v0
              local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
              local.get $v0 i64.const 32 i64.rotl local.set $v0
              local.get $v2 local.get $v3 i64.add local.set $v2
              local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
              local.get $v0 local.get $v3 i64.add local.set $v0
              local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
              local.get $v2 local.get $v1 i64.add local.set $v2
              local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
              local.get $v2 i64.const 32 i64.rotl local.set $v2
              ;; SipRound 2 of 2
              local.get $v0 local.get $v1 i64.add local.set $v0
              local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
              local.get $v0 i64.const 32 i64.rotl local.set $v0
              local.get $v2 local.get $v3 i64.add local.set $v2
              local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
              local.get $v0 local.get $v3 i64.add local.set $v0
              local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
              local.get $v2 local.get $v1 i64.add local.set $v2
              local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
              local.get $v2 i64.const 32 i64.rotl local.set $v2
              (local.set $v0 (i64.xor (local.get $v0) (local.get $m)))
              (local.set $p (i32.add (local.get $p) (i32.const 8)))
              (br_if $words (i32.ne (local.get $p) (local.get $stop))))))

        ;; The last word b, compressed like the others.
        (local.set $v3 (i64.xor (local.get $v3) (local.get $b)))
        ;; SipRound 1 of 2
        local.get $v0 local.get $v1 i64.add local.set $v0
        local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
        local.get $v0 i64.const 32 i64.rotl local.set $v0
        local.get $v2 local.get $v3 i64.add local.set $v2
        local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
        local.get $v0 local.get $v3 i64.add local.set $v0
        local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
        local.get $v2 local.get $v1 i64.add local.set $v2
        local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
        local.get $v2 i64.const 32 i64.rotl local.set $v2
        ;; SipRound 2 of 2
        local.get $v0 local.get $v1 i64.add local.set $v0
        local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
        local.get $v0 i64.const 32 i64.rotl local.set $v0
        local.get $v2 local.get $v3 i64.add local.set $v2
        local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
        local.get $v0 local.get $v3 i64.add local.set $v0
        local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
        local.get $v2 local.get $v1 i64.add local.set $v2
        local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
        local.get $v2 i64.const 32 i64.rotl local.set $v2
        (local.set $v0 (i64.xor (local.get $v0) (local.get $b)))

        ;; Finalization (paper §2.4): v2 ^= 0xff, d = 4 SipRounds, output v0 ^ v1 ^ v2 ^ v3.
        (local.set $v2 (i64.xor (local.get $v2) (i64.const 0xff)))
        ;; SipRound 1 of 4
        local.get $v0 local.get $v1 i64.add local.set $v0
        local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
        local.get $v0 i64.const 32 i64.rotl local.set $v0
        local.get $v2 local.get $v3 i64.add local.set $v2
        local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
        local.get $v0 local.get $v3 i64.add local.set $v0
        local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
        local.get $v2 local.get $v1 i64.add local.set $v2
        local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
        local.get $v2 i64.const 32 i64.rotl local.set $v2
        ;; SipRound 2 of 4
        local.get $v0 local.get $v1 i64.add local.set $v0
        local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
        local.get $v0 i64.const 32 i64.rotl local.set $v0
        local.get $v2 local.get $v3 i64.add local.set $v2
        local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
        local.get $v0 local.get $v3 i64.add local.set $v0
        local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
        local.get $v2 local.get $v1 i64.add local.set $v2
        local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
        local.get $v2 i64.const 32 i64.rotl local.set $v2
        ;; SipRound 3 of 4
        local.get $v0 local.get $v1 i64.add local.set $v0
        local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
        local.get $v0 i64.const 32 i64.rotl local.set $v0
        local.get $v2 local.get $v3 i64.add local.set $v2
        local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
        local.get $v0 local.get $v3 i64.add local.set $v0
        local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
        local.get $v2 local.get $v1 i64.add local.set $v2
        local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
        local.get $v2 i64.const 32 i64.rotl local.set $v2
        ;; SipRound 4 of 4
        local.get $v0 local.get $v1 i64.add local.set $v0
        local.get $v1 i64.const 13 i64.rotl local.get $v0 i64.xor local.set $v1
        local.get $v0 i64.const 32 i64.rotl local.set $v0
        local.get $v2 local.get $v3 i64.add local.set $v2
        local.get $v3 i64.const 16 i64.rotl local.get $v2 i64.xor local.set $v3
        local.get $v0 local.get $v3 i64.add local.set $v0
        local.get $v3 i64.const 21 i64.rotl local.get $v0 i64.xor local.set $v3
        local.get $v2 local.get $v1 i64.add local.set $v2
        local.get $v1 i64.const 17 i64.rotl local.get $v2 i64.xor local.set $v1
        local.get $v2 i64.const 32 i64.rotl local.set $v2
        (i64.store (local.get $out)
          (i64.xor (i64.xor (local.get $v0) (local.get $v1)) (i64.xor (local.get $v2) (local.get $v3))))

        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (local.set $entries (i32.add (local.get $entries) (i32.const 12)))
        (br_if $message (i32.ne (local.get $entries) (local.get $end))))))
)
