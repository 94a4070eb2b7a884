;; The ceiling of WebAssembly SIMD arithmetic on one core, for `npm run bench`: how fast this
;; machine's engine runs the two operations each step of lib/kernels/gemm.wat is made of, an f64x2
;; multiply and then an f64x2 add (no fused multiply-add: the kernels must give the JavaScript
;; kernel's bits), with nothing else in the way: no loads, no stores, no address arithmetic.
;;
;; Thirteen independent chains s_r ← s_r·u + v in registers: 13 multiplies and 13 adds of two
;; lanes, 52 flops, per iteration. Each multiply takes its chain's last value, so the engine cannot
;; hoist it out of the loop (V8 does hoist a multiply of two loop constants, which would time the
;; adds alone). Thirteen is as many chains as V8 keeps in registers on x64 (fourteen spill: half
;; the rate), and more chains would hide more of each step's latency, so this is a lower bound of
;; the ceiling; the variants tried (chains fed by their neighbours, unrolled loops) were slower.
;; With u = 1/2 the chains settle at 2v: no overflow, no subnormals.
(module
  ;; n iterations from s_r = (x + r, x + r + 1/2), u = 1/2, v = x; returns the chains' total (in
  ;; pairs), lane 0 plus lane 1
  (func (export "chains") (param $n i32) (param $x f64) (result f64)
    (local $u v128) (local $v v128) (local $total v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $s4 v128) (local $s5 v128) (local $s6 v128)
    (local $s7 v128) (local $s8 v128) (local $s9 v128) (local $s10 v128) (local $s11 v128) (local $s12 v128)
    (local.set $u (f64x2.splat (f64.const 0.5)))
    (local.set $v (f64x2.splat (local.get $x)))
    (local.set $s0 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 0))) (f64.add (local.get $x) (f64.const 0.5))))
    (local.set $s1 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 1))) (f64.add (local.get $x) (f64.const 1.5))))
    (local.set $s2 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 2))) (f64.add (local.get $x) (f64.const 2.5))))
    (local.set $s3 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 3))) (f64.add (local.get $x) (f64.const 3.5))))
    (local.set $s4 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 4))) (f64.add (local.get $x) (f64.const 4.5))))
    (local.set $s5 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 5))) (f64.add (local.get $x) (f64.const 5.5))))
    (local.set $s6 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 6))) (f64.add (local.get $x) (f64.const 6.5))))
    (local.set $s7 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 7))) (f64.add (local.get $x) (f64.const 7.5))))
    (local.set $s8 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 8))) (f64.add (local.get $x) (f64.const 8.5))))
    (local.set $s9 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 9))) (f64.add (local.get $x) (f64.const 9.5))))
    (local.set $s10 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 10))) (f64.add (local.get $x) (f64.const 10.5))))
    (local.set $s11 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 11))) (f64.add (local.get $x) (f64.const 11.5))))
    (local.set $s12 (f64x2.replace_lane 1 (f64x2.splat (f64.add (local.get $x) (f64.const 12))) (f64.add (local.get $x) (f64.const 12.5))))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $iteration
        (local.set $s0 (f64x2.add (f64x2.mul (local.get $s0) (local.get $u)) (local.get $v)))
        (local.set $s1 (f64x2.add (f64x2.mul (local.get $s1) (local.get $u)) (local.get $v)))
        (local.set $s2 (f64x2.add (f64x2.mul (local.get $s2) (local.get $u)) (local.get $v)))
        (local.set $s3 (f64x2.add (f64x2.mul (local.get $s3) (local.get $u)) (local.get $v)))
        (local.set $s4 (f64x2.add (f64x2.mul (local.get $s4) (local.get $u)) (local.get $v)))
        (local.set $s5 (f64x2.add (f64x2.mul (local.get $s5) (local.get $u)) (local.get $v)))
        (local.set $s6 (f64x2.add (f64x2.mul (local.get $s6) (local.get $u)) (local.get $v)))
        (local.set $s7 (f64x2.add (f64x2.mul (local.get $s7) (local.get $u)) (local.get $v)))
        (local.set $s8 (f64x2.add (f64x2.mul (local.get $s8) (local.get $u)) (local.get $v)))
        (local.set $s9 (f64x2.add (f64x2.mul (local.get $s9) (local.get $u)) (local.get $v)))
        (local.set $s10 (f64x2.add (f64x2.mul (local.get $s10) (local.get $u)) (local.get $v)))
        (local.set $s11 (f64x2.add (f64x2.mul (local.get $s11) (local.get $u)) (local.get $v)))
        (local.set $s12 (f64x2.add (f64x2.mul (local.get $s12) (local.get $u)) (local.get $v)))
        (br_if $iteration (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
    (local.set $total
      (f64x2.add (f64x2.add (f64x2.add (local.get $s0) (f64x2.add (local.get $s1) (local.get $s2))) (f64x2.add (local.get $s3) (f64x2.add (local.get $s4) (local.get $s5)))) (f64x2.add (f64x2.add (local.get $s6) (f64x2.add (local.get $s7) (local.get $s8))) (f64x2.add (f64x2.add (local.get $s9) (local.get $s10)) (f64x2.add (local.get $s11) (local.get $s12))))))
    (f64.add (f64x2.extract_lane 0 (local.get $total)) (f64x2.extract_lane 1 (local.get $total)))))
