//go:build race

package importer

// raceEnabled: under the race detector the cases marked Slow take minutes, and TestHostileFilesRefused skips
// them (BenchmarkHostileFilesMemory still reads them).
const raceEnabled = true
