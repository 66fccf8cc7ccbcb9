// gulp generates a typed module per .module.scss; the test type-check only needs to know they are class maps.
declare module '*.module.scss' {
  const styles: Record<string, string>;
  export default styles;
}
