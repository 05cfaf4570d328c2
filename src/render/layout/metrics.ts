/** The drawing's fixed sizes, in pixels. Everything else is measured from the text. */
export const METRICS = {
    margin: 24,
    sectionWidth: 30,
    headerWidth: 180,
    /** A card's width unless its longest word needs more, and the most a word may widen it. */
    cardWidth: 176,
    maxCardWidth: 340,
    cardPadding: 10,
    titleSize: 13,
    titleLine: 17,
    /** Past this many lines a card title is shortened (its whole text stays in the tooltip). */
    maxTitleLines: 12,
    markerSize: 11,
    markerLine: 16,
    minCardHeight: 44,
    noteSize: 11,
    notePadding: 5,
    noteGap: 4,
    maxNoteLines: 8,
    /** Gutters before routing widens them for the arrows they carry. */
    columnGutter: 28,
    laneGutter: 24,
    trackGutter: 14,
    /** Distance between parallel arrow runs, and their clearance from a drawn line. */
    trackSpacing: 10,
    lineClearance: 9,
    /** Where side ports and runs through a row sit, below the row's top. */
    rowChannel: 22,
    phaseTitleSize: 13,
    maxPhaseTitleLines: 4,
    touchpointRadius: 13,
    maxTouchpointRadius: 30,
    /** Parallel arrow runs stay at least this far apart (the quality measures call closer ones overlapping). */
    minRunSeparation: 6.5,
    /** A touchpoint's column is at least this wide, so its label has room beside the arrows. */
    touchpointColumn: 264,
    touchpointLabelSize: 11,
    labelSize: 11,
    maxLabelWidth: 160,
    emotionHeight: 150,
    durationHeight: 40,
    /** Most sub-columns a phase gets for the steps one lane has in it; more are stacked. */
    maxSlotsPerPhase: 5
} as const;

export const M = METRICS;
