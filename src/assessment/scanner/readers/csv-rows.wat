;; countBlockRows (csv-block.ts) in WebAssembly SIMD, 16 bytes a step. The reading thread runs it
;; over every byte of a CSV the reader hands over unsplit, so the byte-at-a-time JavaScript loop
;; was a few per cent of a whole scan; here the two comparisons per byte become two vector
;; compares per 16 bytes, and only line ends are visited one by one.
;;
;; Compiled by scripts/gen-wasm.mjs (wabt, SIMD enabled) into csv-rows.wasm.ts; csv-rows.ts
;; loads it. Contract, checked by csv-rows.test.ts against the JavaScript function:
;;   the caller copies the block to memory [0, len) and zeroes [len, len + 16), so the last,
;;   partial chunk can be loaded whole (a zero byte is never LF, and delim is never 0);
;;   delim is a byte other than 0 and LF; 1 <= width <= 2^31 - 1.
;;   count(len, delim, width) = the number of rows (lines [start, end) with end - start > 1, or
;;   one byte that is not CR: isRow), or -1 when some line has more than width fields.
(module
  (memory (export "memory") 1)

  ;; isRow(start, end) as 0 or 1, without a branch. When end - start is 0 the byte read is the
  ;; next line's first or the zeroed padding: in memory, and its value does not matter.
  (func $isRow (param $start i32) (param $end i32) (result i32)
    (local $n i32)
    (local.set $n (i32.sub (local.get $end) (local.get $start)))
    (i32.or
      (i32.gt_s (local.get $n) (i32.const 1))
      (i32.and
        (i32.eq (local.get $n) (i32.const 1))
        (i32.ne (i32.load8_u (local.get $start)) (i32.const 13)))))

  (func (export "count") (param $len i32) (param $delim i32) (param $width i32) (result i32)
    (local $p i32)        ;; offset of the current 16-byte chunk
    (local $dv v128)      ;; delim in every lane
    (local $lv v128)      ;; LF in every lane
    (local $chunk v128)
    (local $dm i32)       ;; bit k: byte p + k is delim
    (local $lm i32)       ;; bit k: byte p + k is LF
    (local $bit i32)
    (local $pos i32)      ;; offset of the LF being handled
    (local $fields i32)   ;; fields so far on the current line
    (local $rows i32)
    (local $start i32)    ;; offset of the current line
    (local.set $dv (i8x16.splat (local.get $delim)))
    (local.set $lv (i8x16.splat (i32.const 10)))
    (local.set $fields (i32.const 1))
    (block $done
      (loop $chunks
        (br_if $done (i32.ge_u (local.get $p) (local.get $len)))
        (local.set $chunk (v128.load (local.get $p)))
        (local.set $dm (i8x16.bitmask (i8x16.eq (local.get $chunk) (local.get $dv))))
        (local.set $lm (i8x16.bitmask (i8x16.eq (local.get $chunk) (local.get $lv))))
        (if (i32.eqz (local.get $lm))
          (then
            ;; Most chunks of a dense CSV hold no line end: count and move on. The width is
            ;; checked at line ends only (and at the end), which gives the same answer: a
            ;; line is too wide or not, whichever delimiter makes it so.
            (local.set $fields (i32.add (local.get $fields) (i32.popcnt (local.get $dm)))))
          (else
            (loop $lines
              (local.set $bit (i32.ctz (local.get $lm)))
              ;; The delimiters below this LF close fields of the line it ends.
              (local.set $fields
                (i32.add (local.get $fields)
                  (i32.popcnt
                    (i32.and (local.get $dm)
                      (i32.sub (i32.shl (i32.const 1) (local.get $bit)) (i32.const 1))))))
              (if (i32.gt_s (local.get $fields) (local.get $width))
                (then (return (i32.const -1))))
              (local.set $pos (i32.add (local.get $p) (local.get $bit)))
              (local.set $rows
                (i32.add (local.get $rows) (call $isRow (local.get $start) (local.get $pos))))
              (local.set $fields (i32.const 1))
              (local.set $start (i32.add (local.get $pos) (i32.const 1)))
              ;; Drop the delimiters just counted (-2 << bit keeps only the bits above the LF)
              ;; and this LF; the next LF of the chunk, if any, is the lowest bit left.
              (local.set $dm (i32.and (local.get $dm) (i32.shl (i32.const -2) (local.get $bit))))
              (local.set $lm (i32.and (local.get $lm) (i32.sub (local.get $lm) (i32.const 1))))
              (br_if $lines (local.get $lm)))
            ;; The delimiters after the chunk's last LF belong to the next line.
            (local.set $fields (i32.add (local.get $fields) (i32.popcnt (local.get $dm))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $chunks)))
    ;; The last line, which need not end with LF.
    (if (i32.gt_s (local.get $fields) (local.get $width))
      (then (return (i32.const -1))))
    (i32.add (local.get $rows) (call $isRow (local.get $start) (local.get $len))))
)
