# The project's commands. `make verilog` is the main job, `make test` runs every test.
# Each target installs the tools it needs (scripts/ensure-tools.sh) or says what to install.

MVN ?= mvn -B -q
RTL_DIR ?= build/rtl
TOOLS := scripts/ensure-tools.sh
# The generate-verilog goal (hdl-maven-plugin), called by its coordinates after `install` (docs/flow.md).
HDL_PLUGIN := org.edgemoe:hdl-maven-plugin:0.1.0-SNAPSHOT

.PHONY: verilog test bench accuracy synth-report tools clean

tools:
	@$(TOOLS) java mvn g++ verilator yosys iverilog

## Main job: Verilog of the default configuration into build/rtl/ with manifest.json.
verilog:
	@$(TOOLS) java mvn
	$(MVN) -DskipTests install
	rm -rf $(RTL_DIR)
	$(MVN) -pl edge-moe-rtl $(HDL_PLUGIN):generate-verilog -Dhdl.generator=default -Dhdl.outputDirectory=$(abspath $(RTL_DIR))
	@echo "Verilog written to $(RTL_DIR)/ (see $(RTL_DIR)/manifest.json)"

## Every test of every module.
test: tools
	$(MVN) install

## Speed figures: BENCH <name> <value> <unit>
bench: tools
	$(MVN) -DskipTests install
	@$(MVN) -pl hdl-core exec:java@bench
	@$(MVN) -pl testbench exec:java@bench

## Accuracy figures of the golden models: ACCURACY <name> <value>
accuracy:
	@$(TOOLS) java mvn
	$(MVN) -DskipTests install
	@$(MVN) -pl edge-moe-rtl exec:java@accuracy

## Open synthesis (Yosys) resource report: SYNTH <module> <resource> <count>
synth-report: tools
	$(MVN) -DskipTests install
	@$(MVN) -pl edge-moe-rtl exec:java@synth-report -Drtl.dir=$(abspath $(RTL_DIR))

clean:
	$(MVN) clean
	rm -rf build
