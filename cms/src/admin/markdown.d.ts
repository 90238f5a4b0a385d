// Vite's raw imports (the editors' guide, docs/editors/*.md).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
