/// Namespace for the generated data tables compiled into the module.
///
/// The tables are raw string literals in generated Swift files rather than bundle resources:
/// they need no `Bundle.module` lookup at run time (so the installed `herald` binary works
/// wherever it is copied), compile in well under a second, and cost no start-up I/O.
/// See docs/numbering.md.
enum EmbeddedData {}
