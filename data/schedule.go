package data

// SpreadJP divides total JP over n sessions as evenly as whole JP allow, the larger shares first: 30 JP over
// 4 days gives 8, 8, 7, 7. Nothing left to spread (total ≤ 0) gives sessions of 0 JP.
func SpreadJP(total, n int) []int {
	out := make([]int, n)
	if n == 0 || total <= 0 {
		return out
	}
	for i := range out {
		out[i] = total / n
		if i < total%n {
			out[i]++
		}
	}
	return out
}
