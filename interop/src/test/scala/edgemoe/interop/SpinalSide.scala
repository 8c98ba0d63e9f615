package edgemoe.interop

import spinal.core._
import spinal.lib._

/** The SpinalHDL half of the interop tests; the Java tests call these at test time. */
object SpinalSide {
  /** hdl-core's blocks reset synchronously (active high): the SpinalHDL side uses the same clock domain kind. */
  private def config(dir: String) =
    SpinalConfig(targetDirectory = dir, defaultConfigForClockDomains = ClockDomainConfig(resetKind = SYNC))

  private def verilogFiles(dir: String): Array[String] =
    new java.io.File(dir).listFiles().filter(_.getName.endsWith(".v")).map(_.getPath).sorted

  /** Direction (a): SpinalHDL's StreamFifo of Bits(width) as Verilog (module SpinalStreamFifo). */
  def emitFifo(dir: String, width: Int, depth: Int): Array[String] = {
    config(dir).generateVerilog {
      val f = new StreamFifo(Bits(width bits), depth)
      f.setDefinitionName("SpinalStreamFifo")
      f
    }
    verilogFiles(dir)
  }

  /** Direction (b): our GELU unit (generated BlackBox) inside a SpinalHDL component (module GeluHost). */
  def emitGeluHost(dir: String): Array[String] = {
    config(dir).generateVerilog(new GeluHost)
    verilogFiles(dir)
  }
}

/** A SpinalHDL FIFO in front of our GELU unit and a SpinalHDL register stage behind it. */
class GeluHost extends Component {
  val gelu = new GeluUnit()
  val io = new Bundle {
    val input = slave(Stream(cloneOf(gelu.io.input.payload)))
    val output = master(Stream(cloneOf(gelu.io.output.payload)))
  }
  gelu.io.input << io.input.queue(4)
  io.output << gelu.io.output.m2sPipe()
}
