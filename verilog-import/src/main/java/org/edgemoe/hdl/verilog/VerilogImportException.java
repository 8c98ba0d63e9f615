package org.edgemoe.hdl.verilog;

/**
 * A Verilog file the importer cannot read (syntax error, unknown macro, a port range that is not a
 * constant); the message starts with {@code file:line:column:}.
 */
public final class VerilogImportException extends RuntimeException {
    /** A place in a source file, 1-based line and column. */
    public record Position(String file, int line, int column) { }

    private final Position position;

    public VerilogImportException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.position = new Position(file, line, column);
    }

    public String file() { return position.file(); }
    /** 1-based. */
    public int line() { return position.line(); }
    /** 1-based. */
    public int column() { return position.column(); }
}
