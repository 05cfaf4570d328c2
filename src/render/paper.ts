/** Paper sizes in points, portrait: what a PDF is tiled over (pdf.ts), and what the CLI's help lists. */
export const PAPER = {
    a4: [595.28, 841.89], a3: [841.89, 1190.55], a2: [1190.55, 1683.78], a1: [1683.78, 2383.94], a0: [2383.94, 3370.39],
    letter: [612, 792], tabloid: [792, 1224]
} as const;
