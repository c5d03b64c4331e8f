/** Series colours that stay apart for common colour blindness (Okabe–Ito) and pass contrast on white. */
export const SERIES_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9", "#000000"];
