/*
 * Verilog-2005 module interfaces: every module's name, parameters (header list and body), ANSI and
 * non-ANSI ports with ranges, signedness. Module bodies are read as a flat token stream and skipped,
 * except for the declarations that make up the interface (port, parameter, localparam and net/reg
 * declarations that give a non-ANSI port its range). Compiler directives are handled before lexing
 * by Preprocessor; attributes (* ... *) and comments never reach the parser.
 */
grammar VerilogHeader;

sourceText : moduleDecl* EOF ;

moduleDecl
    : MODULE name=identifier paramPortList? portList? ';' moduleItem* ENDMODULE
    ;

paramPortList : '#' '(' (paramPortItem (',' paramPortItem)*)? ')' ;

paramPortItem : (PARAMETER | LOCALPARAM)? paramType? range? paramAssign ;

paramType : SIGNED | INTEGER | REAL | REALTIME | TIME ;

paramAssign : identifier '=' expr ;

portList : '(' (port (',' port)*)? ')' ;

/** An ANSI port (with a direction), or a bare name (non-ANSI, or an ANSI continuation). */
port
    : direction netType? SIGNED? range? identifier   # ansiPort
    | identifier                                      # barePort
    ;

direction : INPUT | OUTPUT | INOUT ;

netType : NETTYPE | REG | INTEGER ;

range : '[' msb=expr ':' lsb=expr ']' ;

moduleItem
    : portDecl ';'                          # portItem
    | paramDecl ';'                         # paramItem
    | netDecl                               # netItem
    | FUNCTION (~ENDFUNCTION)* ENDFUNCTION  # functionItem
    | TASK (~ENDTASK)* ENDTASK              # taskItem
    | ~(ENDMODULE | MODULE | INPUT | OUTPUT | INOUT | PARAMETER | LOCALPARAM | FUNCTION | TASK
        | NETTYPE | REG | ENDFUNCTION | ENDTASK)  # otherItem
    ;

portDecl : direction netType? SIGNED? range? identifier (',' identifier)* ;

paramDecl : kind=(PARAMETER | LOCALPARAM) paramType? range? paramAssign (',' paramAssign)* ;

/** Only its type matters (the range of a non-ANSI port declared again as wire/reg); the rest is skipped. */
netDecl : (NETTYPE | REG) SIGNED? range? identifier (',' identifier)* ;

expr
    : primary                                                   # primaryExpr
    | op=('+' | '-' | '!' | '~') expr                           # unaryExpr
    | <assoc=right> expr op='**' expr                           # binaryExpr
    | expr op=('*' | '/' | '%') expr                            # binaryExpr
    | expr op=('+' | '-') expr                                  # binaryExpr
    | expr op=('<<' | '>>' | '<<<' | '>>>') expr                # binaryExpr
    | expr op=('<' | '<=' | '>' | '>=') expr                    # binaryExpr
    | expr op=('==' | '!=' | '===' | '!==') expr                # binaryExpr
    | expr op='&' expr                                          # binaryExpr
    | expr op='^' expr                                          # binaryExpr
    | expr op='|' expr                                          # binaryExpr
    | expr op='&&' expr                                         # binaryExpr
    | expr op='||' expr                                         # binaryExpr
    | <assoc=right> expr '?' expr ':' expr                      # ternaryExpr
    ;

primary
    : size=DECIMAL? BASED_NUMBER                # basedNumber
    | DECIMAL                                   # decimalNumber
    | REAL_NUMBER                               # realNumber
    | STRING                                    # stringLiteral
    | SYSTEM_ID '(' expr (',' expr)* ')'        # systemCall
    | identifier                                # paramRef
    | '(' expr ')'                              # parens
    ;

identifier : IDENT | ESCAPED_IDENT ;

// ---------------------------------------------------------------- lexer

MODULE      : 'module' | 'macromodule' ;
ENDMODULE   : 'endmodule' ;
PARAMETER   : 'parameter' ;
LOCALPARAM  : 'localparam' ;
INPUT       : 'input' ;
OUTPUT      : 'output' ;
INOUT       : 'inout' ;
REG         : 'reg' ;
NETTYPE     : 'wire' | 'tri' | 'tri0' | 'tri1' | 'wand' | 'wor' | 'triand' | 'trior' | 'trireg' | 'uwire'
            | 'supply0' | 'supply1' ;
SIGNED      : 'signed' ;
INTEGER     : 'integer' ;
REAL        : 'real' ;
REALTIME    : 'realtime' ;
TIME        : 'time' ;
FUNCTION    : 'function' ;
ENDFUNCTION : 'endfunction' ;
TASK        : 'task' ;
ENDTASK     : 'endtask' ;

POW   : '**' ;
SHL3  : '<<<' ;
SHR3  : '>>>' ;
SHL   : '<<' ;
SHR   : '>>' ;
LE    : '<=' ;
GE    : '>=' ;
CEQ   : '===' ;
CNE   : '!==' ;
EQ    : '==' ;
NE    : '!=' ;
LAND  : '&&' ;
LOR   : '||' ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
SEMI   : ';' ;
COMMA  : ',' ;
COLON  : ':' ;
HASH   : '#' ;
ASSIGN : '=' ;
PLUS   : '+' ;
MINUS  : '-' ;
STAR   : '*' ;
SLASH  : '/' ;
PERCENT: '%' ;
LT     : '<' ;
GT     : '>' ;
BANG   : '!' ;
TILDE  : '~' ;
AMP    : '&' ;
CARET  : '^' ;
PIPE   : '|' ;
QUEST  : '?' ;

/** 'h 1F, 'sb 1010 (the size, if any, is a separate DECIMAL token); white space may follow the base. */
BASED_NUMBER : '\'' [sS]? [bBoOdDhH] [ \t]* [0-9a-fA-FxXzZ?] [0-9a-fA-FxXzZ?_]* ;
REAL_NUMBER  : [0-9] [0-9_]* '.' [0-9] [0-9_]* ([eE] [+-]? [0-9]+)?
             | [0-9] [0-9_]* [eE] [+-]? [0-9]+ ;
DECIMAL      : [0-9] [0-9_]* ;
STRING       : '"' (~["\\\r\n] | '\\' .)* '"' ;
SYSTEM_ID    : '$' [a-zA-Z0-9_$]+ ;
IDENT        : [a-zA-Z_] [a-zA-Z0-9_$]* ;
ESCAPED_IDENT: '\\' ~[ \t\r\n]+ ;

/** (* ... *) but not @(*) */
ATTRIBUTE     : '(*' ~[)] .*? '*)' -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n\f]+ -> skip ;

/** Anything else a module body may hold (e.g. '@', '.', '{', '`' of an unknown directive). */
OTHER : . ;
