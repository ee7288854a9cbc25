// The text --help prints.

export const MAIN_HELP = `Usage: stagewright <command> [options]

Read a Dockerfile the way BuildKit does and print its stage graph or its problems.

Commands:
  graph [FILE|-]   the stage graph as JSON, Mermaid or Graphviz DOT
  lint [FILE|-]... the problems found, one per line

FILE defaults to ./Dockerfile; "-" reads standard input.
Run "stagewright <command> --help" for a command's options.

Options:
  -h, --help       show this help
  -v, --version    show the version
`;

export const GRAPH_HELP = `Usage: stagewright graph [FILE|-] [--format json|mermaid|dot] [--target NAME|INDEX] [--builder buildkit|legacy]

Print the stage graph of a Dockerfile (default ./Dockerfile; "-" reads standard input).

Options:
  -f, --format FORMAT   json (default): {stages, edges, diagnostics}, exactly what analyze() returns;
                        mermaid: a Mermaid flowchart; dot: a Graphviz digraph
  -t, --target STAGE    the build target, by name or index (mermaid and dot only): the stages
                        it does not need are drawn as skipped
      --builder NAME    buildkit (default) builds only what the target needs;
                        legacy builds every stage up to the target
  -h, --help            show this help

Exit status: 0 on success, 2 for bad options, an unreadable file or an unknown stage.
`;

export const LINT_HELP = `Usage: stagewright lint [FILE|-]... [--format text|json]

Check Dockerfiles (default ./Dockerfile; "-" reads standard input) and print each problem.

Options:
  -f, --format FORMAT   text (default): "file:line: severity code message" per problem;
                        json: an array of {file, line, severity, code, message}
  -h, --help            show this help

Exit status: 1 when any problem is an error, 0 otherwise (warnings and notes alone pass),
2 for bad options or an unreadable file.
`;
