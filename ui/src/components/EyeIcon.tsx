/**
 * An eye, open ("show the value") or struck through ("hide it"): the action of a reveal
 * button. Drawn rather than an emoji: many Linux desktops have no emoji font, and the
 * glyph would show as a box.
 */
export function EyeIcon({ open }: { open: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
      <path d="M1 8s2.6-5 7-5 7 5 7 5-2.6 5-7 5-7-5-7-5z" />
      <circle cx="8" cy="8" r="2.2" />
      {!open && <path d="M2 14L14 2" />}
    </svg>
  );
}
