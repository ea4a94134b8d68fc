// The shape of a product template: a name (with "{place}" for the producer's locality),
// the packs it sells in, and the places it is a speciality of.

/** [unit as the shopper reads it, shipping grams (null: none), price from, price to] in thousand đồng. */
export type Pack = readonly [unit: string, grams: number | null, minK: number, maxK: number];

export type ProductTemplate = {
  category: string;
  name: string;
  packs: readonly Pack[];
  /** Province slugs (current or former) where it is made; empty: anywhere. */
  areas: readonly string[];
};

export function templates(category: string, rows: readonly (readonly [string, readonly Pack[], string?])[]): ProductTemplate[] {
  return rows.map(([name, packs, areas]) => ({
    category,
    name,
    packs,
    areas: areas ? areas.split(",").map((a) => a.trim()) : [],
  }));
}
