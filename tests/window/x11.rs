//! Closing the app's window as a window manager does when the user clicks its close
//! button (there is no window manager under Xvfb).

use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};

/// What a window manager does when the user clicks the close button: a WM_DELETE_WINDOW
/// message to the app's top-level windows named "apiautotest".
pub fn close_window(display: &str) {
    let (conn, screen) = x11rb::connect(Some(display)).expect("X connection");
    let root = conn.setup().roots[screen].root;
    let atom = |name: &[u8]| {
        conn.intern_atom(false, name)
            .expect("intern")
            .reply()
            .expect("atom")
            .atom
    };
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    let children = conn
        .query_tree(root)
        .expect("tree")
        .reply()
        .expect("tree reply")
        .children;
    let mut sent = 0;
    for window in children {
        let name = conn
            .get_property(
                false,
                window,
                x11rb::protocol::xproto::AtomEnum::WM_NAME,
                x11rb::protocol::xproto::AtomEnum::STRING,
                0,
                64,
            )
            .ok()
            .and_then(|c| c.reply().ok())
            .map(|r| r.value)
            .unwrap_or_default();
        if name == b"apiautotest" {
            let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
            conn.send_event(false, window, EventMask::NO_EVENT, event)
                .expect("send");
            sent += 1;
        }
    }
    conn.flush().expect("flush");
    assert!(sent > 0, "no apiautotest window found on {display}");
}
