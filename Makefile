# Entry points for developers and CI. The logic lives in scripts/ so it can be read and run on its own.
.PHONY: test run run-cluster bench test-fresh-machine

# Build with warnings as errors, run every test suite, print "N passed, N failed".
test:
	scripts/test.sh

# Dev database + LiveKit emulator + API with demo data on http://localhost:5080; Ctrl-C stops it.
run:
	scripts/run.sh

# The same with two API instances behind nginx as a load balancer on http://localhost:5080 (instances on 5081, 5082).
run-cluster:
	scripts/run.sh --cluster

# scripts/install-deps.sh on a simulated fresh machine (root only; see tests/install/fresh-machine-test.sh).
test-fresh-machine:
	tests/install/fresh-machine-test.sh

bench:
	@if [ -x scripts/bench.sh ]; then scripts/bench.sh; else echo "bench: not implemented yet"; exit 1; fi
