//! The real binary in a pseudo-terminal: keys in, screen read back with a terminal emulator
//! (vt100), and the terminal's modes checked after it exits.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // The user's own config and remembered positions must not steer a test.
        let home = std::env::temp_dir().join(format!("brief-pty-home-{}", std::process::id()));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("brief starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            master: pty.master,
            writer,
            child,
            screen,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `needle`, failing with the screen after a timeout.
    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.contents().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("screen never showed {needle:?}:\n{}", self.contents());
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(150));
                return status;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("brief did not exit:\n{}", self.contents());
    }

    /// The terminal is as brief found it: main screen, cursor shown, no mouse reporting,
    /// line editing and echo back on.
    fn assert_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        if let Some(termios) = self.master.get_termios() {
            use nix::sys::termios::LocalFlags;
            assert!(
                termios.local_flags.contains(LocalFlags::ICANON),
                "raw mode left on"
            );
            assert!(
                termios.local_flags.contains(LocalFlags::ECHO),
                "echo left off"
            );
        }
    }
}

#[test]
fn reads_the_sample_switches_panes_and_quits_cleanly() {
    let mut s = Session::start(&["seeds/tiktok-shop-amazon-douyin.txt"], &[]);
    s.wait_for("TikTok initially hired");
    s.wait_for("? help");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.send("\t");
    s.wait_for(" Entities ");
    s.send("?");
    s.wait_for("brief · keys");
    s.send("j");
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !s.contents().contains("brief · keys"),
        "any key closes the help"
    );
    s.send("1G");
    s.wait_for("100%");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut s = Session::start(&["seeds/tiktok-shop-amazon-douyin.txt"], &[]);
    s.wait_for("? help");
    s.send("\x03");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::start(
        &["seeds/tiktok-shop-amazon-douyin.txt"],
        &[("BRIEF_DEBUG_PANIC_KEY", "1")],
    );
    s.wait_for("? help");
    // Ctrl-F12 in xterm encoding: the debug panic key of test builds.
    s.send("\x1b[24;5~");
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    assert!(
        s.contents().contains("debug panic requested"),
        "{}",
        s.contents()
    );
}

#[test]
fn content_cannot_retitle_or_clear_the_terminal() {
    let dir = std::env::temp_dir().join(format!("brief-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("hostile.txt");
    std::fs::write(
        &path,
        "Hostile \u{1b}]0;PWNED\u{7} title\n\u{1b}]52;c;aGVsbG8=\u{7} clipboard \u{1b}[?1049l\u{1b}[2J cleared \u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\ end\n",
    )
    .unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], &[]);
    s.wait_for("? help");
    s.wait_for("␛]0;PWNED␇");
    {
        let parser = s.screen.lock().unwrap();
        assert_eq!(
            parser.screen().title(),
            "",
            "content changed the window title"
        );
        assert!(
            parser.screen().alternate_screen(),
            "content left the alternate screen"
        );
    }
    s.send("q");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn the_reading_position_is_remembered_unless_fresh() {
    let state = std::env::temp_dir().join(format!("brief-e2e-state-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    let dir = std::env::temp_dir().join(format!("brief-e2e-pos-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("long.txt");
    let mut text = String::new();
    for i in 0..200 {
        text.push_str(&format!("Paragraph {i} of a long article.\n"));
    }
    std::fs::write(&path, text).unwrap();
    let p = path.to_str().unwrap();
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];

    let mut s = Session::start(&[p], &env);
    s.wait_for("Paragraph 0 of");
    s.send("G");
    s.wait_for("Paragraph 199 of");
    s.send("q");
    assert!(s.wait_exit().success());

    let mut s = Session::start(&[p], &env);
    s.wait_for("Paragraph 199 of");
    s.wait_for("where you left off");
    s.send("q");
    s.wait_exit();

    let mut s = Session::start(&["--fresh", p], &env);
    s.wait_for("Paragraph 0 of");
    s.send("q");
    s.wait_exit();
}
