import { boardGeometry, CELL, columnLabel, describeBoard, rowLabel, starPoints, stonesOf } from "@/lib/go/render";
import { type BoardState, isPoint, lastMover } from "@/lib/go/state";

const WOOD = "#dcb46a";
const INK = "#3b2a12";
const BLACK = "#1c1917";
const WHITE = "#fafaf9";
const STONE_RADIUS = CELL * 0.47;

type Props = {
  state: BoardState;
  className?: string;
  /** Overrides the generated text alternative (which lists every stone). */
  label?: string;
};

/**
 * A Go board as SVG: grid, star points, coordinates, stones, the last move ringed and the side to
 * move in the footer. Plain markup with no hooks, so it renders on the server, in the browser and
 * to a file (`npm run go -- render`). It scales with its width through the viewBox.
 */
export function GoBoardSvg({ state, className, label }: Props) {
  const { size } = state;
  const g = boardGeometry(size);
  const lines = Array.from({ length: size }, (_, i) => i);
  const edge = (i: number) => i === 0 || i === size - 1;
  const last = isPoint(state.lastMove) ? state.lastMove : null;
  const turnName = state.toPlay === "B" ? "Black" : "White";
  const passed = state.lastMove === "pass" ? ` · ${lastMover(state) === "B" ? "Black" : "White"} passed` : "";
  const fontSize = CELL * 0.5;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-label={label ?? describeBoard(state)}
      className={className}
      data-board-size={size}
      data-to-play={state.toPlay}
      fontFamily="ui-sans-serif, system-ui, sans-serif"
    >
      <rect x={0} y={0} width={g.width} height={g.boardHeight} rx={2} fill={WOOD} />
      <g stroke={INK} strokeLinecap="square">
        {lines.map((i) => (
          <line
            key={`h${i}`}
            x1={g.x(0)}
            y1={g.y(i)}
            x2={g.x(size - 1)}
            y2={g.y(i)}
            strokeWidth={edge(i) ? 0.9 : 0.5}
          />
        ))}
        {lines.map((i) => (
          <line
            key={`v${i}`}
            x1={g.x(i)}
            y1={g.y(0)}
            x2={g.x(i)}
            y2={g.y(size - 1)}
            strokeWidth={edge(i) ? 0.9 : 0.5}
          />
        ))}
      </g>
      <g fill={INK}>
        {starPoints(size).map((p) => (
          <circle key={`s${p.x}-${p.y}`} cx={g.x(p.x)} cy={g.y(p.y)} r={CELL * 0.12} />
        ))}
      </g>
      <g fill={INK} fontSize={fontSize} textAnchor="middle" dominantBaseline="central">
        {lines.map((i) => (
          <text key={`r${i}`} x={g.rowLabelX} y={g.y(i)}>
            {rowLabel(i, size)}
          </text>
        ))}
        {lines.map((i) => (
          <text key={`c${i}`} x={g.x(i)} y={g.columnLabelY}>
            {columnLabel(i)}
          </text>
        ))}
      </g>
      <g>
        {stonesOf(state).map((s) => (
          <circle
            key={`${s.x}-${s.y}`}
            cx={g.x(s.x)}
            cy={g.y(s.y)}
            r={STONE_RADIUS}
            fill={s.colour === "B" ? BLACK : WHITE}
            stroke={BLACK}
            strokeWidth={s.colour === "B" ? 0 : 0.6}
            data-stone={s.colour}
          />
        ))}
      </g>
      {last && (
        <circle
          cx={g.x(last.x)}
          cy={g.y(last.y)}
          r={CELL * 0.22}
          fill="none"
          stroke={lastMover(state) === "B" ? WHITE : BLACK}
          strokeWidth={1.1}
          data-last-move="true"
        />
      )}
      <g fontSize={fontSize * 1.1} dominantBaseline="central">
        <circle
          cx={g.x(0)}
          cy={g.footerY}
          r={CELL * 0.3}
          fill={state.toPlay === "B" ? BLACK : WHITE}
          stroke={BLACK}
          strokeWidth={0.6}
        />
        <text x={g.x(0) + CELL * 0.6} y={g.footerY} fill={BLACK}>
          {turnName} to play{passed}
        </text>
      </g>
    </svg>
  );
}
