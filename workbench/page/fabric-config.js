// Fluent UI would load the Segoe UI web font from Microsoft's CDN; the workbench has no network, and the
// system font stack in index.css stands in for it. Must run before the page's bundle.
window.FabricConfig = { fontBaseUrl: '' };
