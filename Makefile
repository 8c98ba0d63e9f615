# The project's commands. `make verilog` is the main job, `make test` runs every test.
# Each target installs the tools it needs (scripts/ensure-tools.sh) or says what to install.

MVN ?= scripts/mvn.sh -B -q
RTL_DIR ?= build/rtl
TOOLS := scripts/ensure-tools.sh
# The generate-verilog goal (hdl-maven-plugin), called by its coordinates after `install` (docs/flow.md).
HDL_PLUGIN := org.edgemoe:hdl-maven-plugin:0.1.0-SNAPSHOT

.PHONY: verilog test consumer-template fuzz bench accuracy simulate synth-report vivado-scripts bitstream vivado-ooc dse dse-validate dse-calibrate dse-jobs tools clean

tools:
	@$(TOOLS) java mvn g++ verilator yosys iverilog

## Main job: Verilog of the default configuration into build/rtl/ with manifest.json.
verilog:
	@$(TOOLS) java mvn
	$(MVN) -DskipTests install
	rm -rf $(RTL_DIR)
	$(MVN) -pl edge-moe-rtl $(HDL_PLUGIN):generate-verilog -Dhdl.generator=default -Dhdl.outputDirectory=$(abspath $(RTL_DIR))
	@echo "Verilog written to $(RTL_DIR)/ (see $(RTL_DIR)/manifest.json)"

## Every test of every module, then the consumer template (examples/consumer-template) built and tested as a
## separate project against what was just installed, then one closing line: N passed, N failed, N skipped.
## SIM_JOBS=n limits the parallel C++ compiles of each simulation model (default: every core).
SIM_JOBS ?=
SIM_FLAGS := $(if $(SIM_JOBS),-Dsim.jobs=$(SIM_JOBS))
test: tools
	scripts/mvn.sh -B -ntp install $(SIM_FLAGS)
	scripts/mvn.sh -B -ntp -f examples/consumer-template/pom.xml verify $(SIM_FLAGS)
	@scripts/test-summary.sh

## The template project alone (after `mvn install` of the library).
consumer-template: tools
	scripts/mvn.sh -B -ntp -f examples/consumer-template/pom.xml verify $(SIM_FLAGS)

## Differential fuzzer: N random designs from SEED, each emitted, linted (verilator -Wall), read by Yosys and
## simulated by Icarus and Verilator against the IR interpreter; prints FUZZ lines and minimised failing cases.
N ?= 200
SEED ?= 1
fuzz: tools
	@$(MVN) -pl hdl-core test-compile exec:java@fuzz -Dfuzz.n=$(N) -Dfuzz.seed=$(SEED)

## Speed figures: BENCH <name> <value> <unit>
## E2E_GROWTH=false leaves out the whole-image growth figures (layers 1, 2, 6; tokens 33, 65: about 4 minutes).
E2E_GROWTH ?= true
bench: tools
	$(MVN) -DskipTests install
	@$(MVN) -pl hdl-core exec:java@bench
	@$(MVN) -pl testbench exec:java@bench
	@$(MVN) -pl edge-moe-rtl exec:java@bench
	@$(MVN) -pl edge-moe-rtl exec:java@engine-bench
	@$(MVN) -pl edge-moe-rtl exec:java@perf-bench
	@$(MVN) -pl runtime exec:java@e2e-bench $(SIM_FLAGS) -De2e.growth=$(E2E_GROWTH)

## Accuracy figures of the golden models: ACCURACY <name> <value>
accuracy:
	@$(TOOLS) java mvn
	$(MVN) -DskipTests install
	@$(MVN) -pl edge-moe-rtl exec:java@accuracy

## The real image on the whole accelerator in full-system simulation (Verilator + DDR model + the Java driver):
## SIM lines (cycles, ms at 300 MHz, the per-command table, MSE vs the float model, simulator cycles/s) and
## build/reports/run.json. SIM_TASKS (default 0,1), SIM_LAYERS (default 12). Needs ../shared/m3vit-weights.
SIM_TASKS ?= 0,1
SIM_LAYERS ?= 12
simulate:
	@$(TOOLS) java mvn g++ verilator
	$(MVN) -DskipTests install
	@$(MVN) -pl runtime exec:java@simulate $(SIM_FLAGS) -Dsim.tasks=$(SIM_TASKS) -Dsim.layers=$(SIM_LAYERS) -Dsim.report=$(abspath build/reports/run.json)

## Open synthesis (Yosys) resource report: SYNTH <module> <resource> <count>, build/reports/utilization.md.
## Regenerates the default configuration into $(RTL_DIR) first. SYNTH_JOBS yosys processes at a time;
## SYNTH_HIERARCHICAL: tops synthesised with their hierarchy kept (faster, counts more LUTs; docs/flow.md).
SYNTH_JOBS ?= 1
SYNTH_HIERARCHICAL ?=
synth-report: tools
	$(MVN) -DskipTests install
	@$(MVN) -pl edge-moe-rtl exec:java@synth-report -Drtl.dir=$(abspath $(RTL_DIR)) -Dsynth.jobs=$(SYNTH_JOBS) -Dsynth.hierarchical=$(SYNTH_HIERARCHICAL)

## Vivado TCL + XDC generated from $(RTL_DIR)/manifest.json into $(VIVADO_DIR) (no Vivado needed).
## VIVADO_TOP picks the top to package and put in the ZCU102 block design (default: see docs/flow.md).
VIVADO_DIR ?= build/vivado
VIVADO_TOP ?=
vivado-scripts: verilog
	$(MVN) -pl edge-moe-rtl exec:java@vivado-scripts -Drtl.dir=$(abspath $(RTL_DIR)) -Dvivado.dir=$(abspath $(VIVADO_DIR)) -Dvivado.top=$(VIVADO_TOP)

## ZCU102 bitstream: IP packaging, block design with the Zynq PS and an AXI DMA, implementation at 300 MHz.
bitstream:
	@command -v vivado >/dev/null 2>&1 || { echo "vivado not found: install Vivado 2023.x and source settings64.sh" >&2; exit 1; }
	$(MAKE) vivado-scripts
	cd $(VIVADO_DIR) && vivado -mode batch -notrace -source package_ip.tcl -log package_ip.log -journal package_ip.jou
	cd $(VIVADO_DIR) && vivado -mode batch -notrace -source bd_zcu102.tcl -log bd_zcu102.log -journal bd_zcu102.jou

## Out-of-context synthesis + implementation of every top at 300 MHz (reports in $(VIVADO_DIR)/reports).
vivado-ooc:
	@command -v vivado >/dev/null 2>&1 || { echo "vivado not found: install Vivado 2023.x and source settings64.sh" >&2; exit 1; }
	$(MAKE) vivado-scripts
	cd $(VIVADO_DIR) && vivado -mode batch -notrace -source ooc_all.tcl -log ooc_all.log -journal ooc_all.jou

## Design-space exploration (docs/dse.md): the grid (DSE_GRID=quick, or full) through the cycle and resource models
## on DSE_JOBS local workers; build/reports/dse.csv, dse.html with plots, DSE <point> <figure> <value> lines.
## DSE_MODE=jobs writes the jobs and a Slurm array script instead (build/dse/dse-array.sbatch), DSE_MODE=collect
## gathers their results. dse-validate runs the validation points in the full-system simulation (the model's error);
## dse-calibrate re-runs the Yosys variants of the resource model.
DSE_GRID ?= quick
DSE_JOBS ?= 2
DSE_MODE ?= local
DSE_FLAGS = -Ddse.grid=$(DSE_GRID) -Ddse.jobs=$(DSE_JOBS) -Ddse.work=$(abspath build/dse) -Ddse.out=$(abspath build/reports)
dse:
	@$(TOOLS) java mvn
	$(MVN) -DskipTests install -pl dse -am
	@$(MVN) -pl dse exec:java@dse $(DSE_FLAGS) -Ddse.mode=$(DSE_MODE)

dse-jobs:
	@$(TOOLS) java mvn
	$(MVN) -DskipTests install -pl dse -am
	@mkdir -p build/dse
	$(MVN) -pl dse dependency:build-classpath -Dmdep.outputFile=$(abspath build/dse/classpath.txt) -Dmdep.includeScope=runtime
	@printf ':%s' "$(abspath dse/target/classes)" >> build/dse/classpath.txt
	@$(MVN) -pl dse exec:java@dse $(DSE_FLAGS) -Ddse.mode=jobs

dse-validate: tools
	$(MVN) -DskipTests install -pl dse -am
	@$(MVN) -pl dse exec:java@dse-validate $(DSE_FLAGS)

dse-calibrate: tools
	$(MVN) -DskipTests install -pl dse -am
	@$(MVN) -pl dse exec:java@dse-calibrate -Ddse.calibration=$(abspath dse/src/main/resources/org/edgemoe/dse/yosys-calibration.csv) -Ddse.work=$(abspath build/dse-calibration)

clean:
	$(MVN) clean
	$(MVN) -f examples/consumer-template/pom.xml clean
	rm -rf build
