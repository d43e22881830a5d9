import { useNotices } from "../hooks/useNotices";
import { dismissNotice } from "../notices";

/** Toasts in the corner; click one to dismiss it. */
export function NoticeArea() {
  const notices = useNotices();
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`} role={n.kind === "error" ? "alert" : "status"} onClick={() => dismissNotice(n.id)}>
          {n.text}
          {n.action && (
            <button
              className="toast-action"
              data-testid="notice-action"
              onClick={(e) => {
                e.stopPropagation();
                dismissNotice(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
