export function describe(image: string): string {
  return `lazy:${image}`;
}
