;; Matrix-product kernels for lib/matrix.ts in WebAssembly SIMD (f64x2), in the text format.
;;
;; Why the text format assembled by `wabt` (an npm devDependency; instructor/kernels/build.ts)
;; rather than AssemblyScript: the kernels must reproduce the JavaScript kernel's sums bit for bit,
;; so every add and multiply, their order and the absence of fused multiply-adds have to be visible
;; in the source, not left to a compiler; wabt only assembles (one instruction in, one out), it is a
;; single package without a native toolchain, and it writes the same bytes on every machine, which
;; lets a test rebuild this file and compare it with the committed gemm.wasm.
;;
;; The sum, as in lib/matrix.ts's gemm: C(i, j) = Σ_p A(i, p)·B(p, j), one accumulator per entry,
;; starting at 0, adding A(i, p)·B(p, j) (rounded product, then rounded sum) for p = 0 … k−1 in
;; order. The two lanes of an f64x2 hold two neighbouring entries C(i, j), C(i, j+1), never two
;; terms of one sum, so each entry sees exactly the JavaScript kernel's operations.
;;
;; Each block computes a 4×4 tile of C in eight f64x2 accumulators: per p it loads four B values
;; (two vectors) and four A values (each splat to both lanes) for 16 multiply-adds. The exported
;; functions need m ≥ 4 and n ≥ 4; when 4 does not divide n (or m, but for a single last row, which
;; gets 1×4 tiles), the last tile starts at n − 4 (m − 4) and recomputes a few entries, which gives
;; the same bits again.
;;
;; gemm_shared lets two threads share one product: it hands out chunks of columns of C through an
;; atomic counter in the shared memory, so a thread that the system deschedules leaves its chunks
;; to the other. Each entry is still computed by one thread, in the one order, so the bits do not
;; depend on the number of threads or on who computed what.
;;
;; Addresses are byte offsets into the imported memory; strides are in elements (8 bytes).
;;   A(i, p) = f64 at a + 8·(i·aRow + p·aCol)      (any strides: a·b and aᵀ·b)
;;   gemm_nn: B(p, j) = f64 at b + 8·(p·bRow + j)  (rows of B contiguous: a·b, aᵀ·b)
;;   gemm_nt: B(p, j) = f64 at b + 8·(j·bCol + p)  (columns of B contiguous: a·bᵀ)
;;   C(i, j) = f64 at c + 8·(i·ldc + j)
(module
  (import "env" "memory" (memory 1 16384 shared))

  ;; one 4×4 tile, B rows contiguous
  (func $tile_nn (param $pa i32) (param $pb i32) (param $pc i32) (param $k i32)
                 (param $aRow8 i32) (param $aCol8 i32) (param $bRow8 i32) (param $ldc8 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $a2 i32) (local $a3 i32)
    (local.set $a2 (i32.shl (local.get $aRow8) (i32.const 1)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $aRow8)))
    (block $done
      (br_if $done (i32.eqz (local.get $k)))
      (loop $p
        (local.set $b0 (v128.load (local.get $pb)))
        (local.set $b1 (v128.load offset=16 (local.get $pb)))
        (local.set $x (v128.load64_splat (local.get $pa)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $aRow8))))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $a2))))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $a3))))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $pa (i32.add (local.get $pa) (local.get $aCol8)))
        (local.set $pb (i32.add (local.get $pb) (local.get $bRow8)))
        (br_if $p (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))
    (call $store (local.get $pc) (local.get $ldc8)
      (local.get $c00) (local.get $c01) (local.get $c10) (local.get $c11)
      (local.get $c20) (local.get $c21) (local.get $c30) (local.get $c31)))

  ;; one 4×4 tile, B columns contiguous: per pair of steps p, p+1 it loads (B(p, j), B(p+1, j))
  ;; from each of the four columns and regroups them into (B(p, j), B(p, j+1)) rows with shuffles
  (func $tile_nt (param $pa i32) (param $pb i32) (param $pc i32) (param $k i32)
                 (param $aRow8 i32) (param $aCol8 i32) (param $bCol8 i32) (param $ldc8 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $u0 v128) (local $u1 v128) (local $u2 v128) (local $u3 v128)
    (local $a2 i32) (local $a3 i32) (local $q2 i32) (local $q3 i32) (local $pa1 i32)
    (local.set $a2 (i32.shl (local.get $aRow8) (i32.const 1)))
    (local.set $a3 (i32.add (local.get $a2) (local.get $aRow8)))
    (local.set $q2 (i32.shl (local.get $bCol8) (i32.const 1)))
    (local.set $q3 (i32.add (local.get $q2) (local.get $bCol8)))
    (block $pairs
      (br_if $pairs (i32.lt_u (local.get $k) (i32.const 2)))
      (loop $pp
        (local.set $u0 (v128.load (local.get $pb)))
        (local.set $u1 (v128.load (i32.add (local.get $pb) (local.get $bCol8))))
        (local.set $u2 (v128.load (i32.add (local.get $pb) (local.get $q2))))
        (local.set $u3 (v128.load (i32.add (local.get $pb) (local.get $q3))))
        ;; step p: the low lanes
        (local.set $b0 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $u0) (local.get $u1)))
        (local.set $b1 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $u2) (local.get $u3)))
        (local.set $x (v128.load64_splat (local.get $pa)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $aRow8))))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $a2))))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $a3))))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
        ;; step p+1: the high lanes
        (local.set $pa1 (i32.add (local.get $pa) (local.get $aCol8)))
        (local.set $b0 (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $u0) (local.get $u1)))
        (local.set $b1 (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $u2) (local.get $u3)))
        (local.set $x (v128.load64_splat (local.get $pa1)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa1) (local.get $aRow8))))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa1) (local.get $a2))))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa1) (local.get $a3))))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $pa (i32.add (local.get $pa1) (local.get $aCol8)))
        (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
        (local.set $k (i32.sub (local.get $k) (i32.const 2)))
        (br_if $pp (i32.ge_u (local.get $k) (i32.const 2)))))
    ;; an odd k leaves one step: gather the four B values one by one
    (if (local.get $k)
      (then
        (local.set $b0 (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $pb)))
                                            (f64.load (i32.add (local.get $pb) (local.get $bCol8)))))
        (local.set $b1 (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $pb) (local.get $q2))))
                                            (f64.load (i32.add (local.get $pb) (local.get $q3)))))
        (local.set $x (v128.load64_splat (local.get $pa)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $aRow8))))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $a2))))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load64_splat (i32.add (local.get $pa) (local.get $a3))))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $x) (local.get $b1))))))
    (call $store (local.get $pc) (local.get $ldc8)
      (local.get $c00) (local.get $c01) (local.get $c10) (local.get $c11)
      (local.get $c20) (local.get $c21) (local.get $c30) (local.get $c31)))

  ;; one 1×4 tile (a last row that 4 does not reach), B rows contiguous
  (func $row_nn (param $pa i32) (param $pb i32) (param $pc i32) (param $k i32)
                (param $aCol8 i32) (param $bRow8 i32)
    (local $c00 v128) (local $c01 v128) (local $x v128)
    (block $done
      (br_if $done (i32.eqz (local.get $k)))
      (loop $p
        (local.set $x (v128.load64_splat (local.get $pa)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x) (v128.load (local.get $pb)))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x) (v128.load offset=16 (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (local.get $aCol8)))
        (local.set $pb (i32.add (local.get $pb) (local.get $bRow8)))
        (br_if $p (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))
    (v128.store (local.get $pc) (local.get $c00))
    (v128.store offset=16 (local.get $pc) (local.get $c01)))

  ;; one 1×4 tile, B columns contiguous: B(p, j … j+3) gathered lane by lane
  (func $row_nt (param $pa i32) (param $pb i32) (param $pc i32) (param $k i32)
                (param $aCol8 i32) (param $bCol8 i32)
    (local $c00 v128) (local $c01 v128) (local $x v128) (local $q2 i32) (local $q3 i32)
    (local.set $q2 (i32.shl (local.get $bCol8) (i32.const 1)))
    (local.set $q3 (i32.add (local.get $q2) (local.get $bCol8)))
    (block $done
      (br_if $done (i32.eqz (local.get $k)))
      (loop $p
        (local.set $x (v128.load64_splat (local.get $pa)))
        (local.set $c00 (f64x2.add (local.get $c00)
          (f64x2.mul (local.get $x) (f64x2.replace_lane 1 (f64x2.splat (f64.load (local.get $pb)))
                                                           (f64.load (i32.add (local.get $pb) (local.get $bCol8)))))))
        (local.set $c01 (f64x2.add (local.get $c01)
          (f64x2.mul (local.get $x) (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $pb) (local.get $q2))))
                                                           (f64.load (i32.add (local.get $pb) (local.get $q3)))))))
        (local.set $pa (i32.add (local.get $pa) (local.get $aCol8)))
        (local.set $pb (i32.add (local.get $pb) (i32.const 8)))
        (br_if $p (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))
    (v128.store (local.get $pc) (local.get $c00))
    (v128.store offset=16 (local.get $pc) (local.get $c01)))

  ;; writes a 4×4 tile, row r = (c_r0, c_r1), rows ldc8 bytes apart
  (func $store (param $pc i32) (param $ldc8 i32)
               (param $c00 v128) (param $c01 v128) (param $c10 v128) (param $c11 v128)
               (param $c20 v128) (param $c21 v128) (param $c30 v128) (param $c31 v128)
    (v128.store (local.get $pc) (local.get $c00))
    (v128.store offset=16 (local.get $pc) (local.get $c01))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc8)))
    (v128.store (local.get $pc) (local.get $c10))
    (v128.store offset=16 (local.get $pc) (local.get $c11))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc8)))
    (v128.store (local.get $pc) (local.get $c20))
    (v128.store offset=16 (local.get $pc) (local.get $c21))
    (local.set $pc (i32.add (local.get $pc) (local.get $ldc8)))
    (v128.store (local.get $pc) (local.get $c30))
    (v128.store offset=16 (local.get $pc) (local.get $c31)))

  ;; C = A·B over all 4×4 tiles, tile rows outermost; $nt picks the layout of B. When m = 4q + 1
  ;; the last row takes 1×4 tiles (a 4×4 tile at m − 4 would redo three rows); when m = 4q + 2 or
  ;; 4q + 3 the last 4×4 tile starts at m − 4.
  (func $gemm (param $nt i32) (param $a i32) (param $aRow i32) (param $aCol i32)
              (param $b i32) (param $bStride i32)
              (param $m i32) (param $k i32) (param $n i32) (param $c i32) (param $ldc i32)
    (local $i i32) (local $j i32) (local $ib i32) (local $jb i32) (local $rows i32)
    (local $aRow8 i32) (local $aCol8 i32) (local $bStride8 i32) (local $ldc8 i32)
    (local $pa i32) (local $pb i32) (local $pc i32)
    (local.set $aRow8 (i32.shl (local.get $aRow) (i32.const 3)))
    (local.set $aCol8 (i32.shl (local.get $aCol) (i32.const 3)))
    (local.set $bStride8 (i32.shl (local.get $bStride) (i32.const 3)))
    (local.set $ldc8 (i32.shl (local.get $ldc) (i32.const 3)))
    ;; rows covered by 4×4 tiles: m − 1 when m = 4q + 1 (q ≥ 1), else m
    (local.set $rows (select (i32.sub (local.get $m) (i32.const 1)) (local.get $m)
                             (i32.eq (i32.and (local.get $m) (i32.const 3)) (i32.const 1))))
    (loop $tileRows
      ;; ib = min(i, rows − 4)
      (local.set $ib (select (local.get $i) (i32.sub (local.get $rows) (i32.const 4))
                             (i32.le_s (local.get $i) (i32.sub (local.get $rows) (i32.const 4)))))
      (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $ib) (local.get $aRow8))))
      (local.set $j (i32.const 0))
      (loop $cols
        (local.set $jb (select (local.get $j) (i32.sub (local.get $n) (i32.const 4))
                               (i32.le_s (local.get $j) (i32.sub (local.get $n) (i32.const 4)))))
        (local.set $pc (i32.add (local.get $c)
                                (i32.shl (i32.add (i32.mul (local.get $ib) (local.get $ldc)) (local.get $jb)) (i32.const 3))))
        (if (local.get $nt)
          (then
            ;; B(p, jb) at b + 8·jb·bCol
            (local.set $pb (i32.add (local.get $b) (i32.mul (local.get $jb) (local.get $bStride8))))
            (call $tile_nt (local.get $pa) (local.get $pb) (local.get $pc) (local.get $k)
                           (local.get $aRow8) (local.get $aCol8) (local.get $bStride8) (local.get $ldc8)))
          (else
            ;; B(0, jb) at b + 8·jb
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $jb) (i32.const 3))))
            (call $tile_nn (local.get $pa) (local.get $pb) (local.get $pc) (local.get $k)
                           (local.get $aRow8) (local.get $aCol8) (local.get $bStride8) (local.get $ldc8))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br_if $cols (i32.lt_s (local.get $j) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $tileRows (i32.lt_s (local.get $i) (local.get $rows))))
    ;; the last row, when 4×4 tiles left it out
    (if (i32.lt_s (local.get $rows) (local.get $m))
      (then
        (local.set $pa (i32.add (local.get $a) (i32.mul (local.get $rows) (local.get $aRow8))))
        (local.set $j (i32.const 0))
        (loop $lastRow
          (local.set $jb (select (local.get $j) (i32.sub (local.get $n) (i32.const 4))
                                 (i32.le_s (local.get $j) (i32.sub (local.get $n) (i32.const 4)))))
          (local.set $pc (i32.add (local.get $c)
                                  (i32.shl (i32.add (i32.mul (local.get $rows) (local.get $ldc)) (local.get $jb)) (i32.const 3))))
          (if (local.get $nt)
            (then
              (call $row_nt (local.get $pa) (i32.add (local.get $b) (i32.mul (local.get $jb) (local.get $bStride8)))
                            (local.get $pc) (local.get $k) (local.get $aCol8) (local.get $bStride8)))
            (else
              (call $row_nn (local.get $pa) (i32.add (local.get $b) (i32.shl (local.get $jb) (i32.const 3)))
                            (local.get $pc) (local.get $k) (local.get $aCol8) (local.get $bStride8))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br_if $lastRow (i32.lt_s (local.get $j) (local.get $n)))))))

  ;; B(p, j) = b + 8·(p·bRow + j)
  (func (export "gemm_nn") (param $a i32) (param $aRow i32) (param $aCol i32) (param $b i32) (param $bRow i32)
                           (param $m i32) (param $k i32) (param $n i32) (param $c i32) (param $ldc i32)
    (call $gemm (i32.const 0) (local.get $a) (local.get $aRow) (local.get $aCol) (local.get $b) (local.get $bRow)
                (local.get $m) (local.get $k) (local.get $n) (local.get $c) (local.get $ldc)))

  ;; B(p, j) = b + 8·(j·bCol + p)
  (func (export "gemm_nt") (param $a i32) (param $aRow i32) (param $aCol i32) (param $b i32) (param $bCol i32)
                           (param $m i32) (param $k i32) (param $n i32) (param $c i32) (param $ldc i32)
    (call $gemm (i32.const 1) (local.get $a) (local.get $aRow) (local.get $aCol) (local.get $b) (local.get $bCol)
                (local.get $m) (local.get $k) (local.get $n) (local.get $c) (local.get $ldc)))

  ;; C = A·B by chunks of $width columns (a multiple of 4, at most n; the last chunk takes the rest
  ;; too, so each is at least 4 wide), each chunk claimed by one thread: chunk = next++ (atomic)
  (func (export "gemm_shared") (param $nt i32) (param $a i32) (param $aRow i32) (param $aCol i32)
                               (param $b i32) (param $bStride i32)
                               (param $m i32) (param $k i32) (param $n i32) (param $c i32) (param $ldc i32)
                               (param $next i32) (param $width i32)
    (local $chunk i32) (local $chunks i32) (local $j0 i32)
    (local.set $chunks (i32.div_u (local.get $n) (local.get $width)))
    (block $done
      (loop $claim
        (local.set $chunk (i32.atomic.rmw.add (local.get $next) (i32.const 1)))
        (br_if $done (i32.ge_u (local.get $chunk) (local.get $chunks)))
        (local.set $j0 (i32.mul (local.get $chunk) (local.get $width)))
        (call $gemm (local.get $nt) (local.get $a) (local.get $aRow) (local.get $aCol)
          ;; B(0, j0): 8·j0 bytes on when rows are contiguous, 8·j0·bCol when columns are
          (i32.add (local.get $b) (i32.shl (select (i32.mul (local.get $j0) (local.get $bStride)) (local.get $j0) (local.get $nt))
                                          (i32.const 3)))
          (local.get $bStride) (local.get $m) (local.get $k)
          (select (i32.sub (local.get $n) (local.get $j0)) (local.get $width)
                  (i32.eq (local.get $chunk) (i32.sub (local.get $chunks) (i32.const 1))))
          (i32.add (local.get $c) (i32.shl (local.get $j0) (i32.const 3)))
          (local.get $ldc))
        (br $claim)))))
