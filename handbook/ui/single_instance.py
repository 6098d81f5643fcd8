"""One reader per user: starting Veileder again brings the open window forward instead of opening a second one.

The first instance listens on a local socket (QLocalServer) named for the user and the settings folder; a later
start connects (QLocalSocket), says «show», and exits. Nothing but that word goes over the socket.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from handbook import locations

CONNECT_MS = 500


def server_name() -> str:
    """The socket's name: one per user and settings folder (tests with their own folder do not meet)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment
        user = "user"
    folder = hashlib.sha256(str(locations.config_dir()).encode()).hexdigest()[:12]
    return f"veileder-{user}-{folder}"


class SingleInstance(QObject):
    """`already_running()` in a new start; `listen()` in the first, whose `activated` fires on a later start."""

    activated = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None

    def already_running(self) -> bool:
        """True when another instance answered (it has been asked to show its window)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(b"show\n")
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the instance later starts talk to. A socket left behind by a crashed instance is removed."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _on_connection(self) -> None:
        server = self.server
        while server is not None and server.hasPendingConnections():
            connection = server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            self.activated.emit()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
