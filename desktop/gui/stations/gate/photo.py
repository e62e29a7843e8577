"""A photo from the webcam when there is one, else from a file. No camera never crashes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget


def cameras_available() -> bool:
    """Asked only when a photo is wanted: loading QtMultimedia is slow and chatty."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except Exception:  # a broken multimedia backend is the same as no camera
        return False


def _jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return bytes(data.data())


def from_file(parent: QWidget | None) -> tuple[bytes, str] | None:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("PhotoPicker", "选择照片"),
                                          str(Path.home()), "Images (*.jpg *.jpeg *.png *.bmp)")
    if not path:
        return None
    image = QImage(path)
    if image.isNull():
        return None
    return _jpeg(image), "image/jpeg"


class CameraDialog(QDialog):
    """Live view and one capture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        self.setWindowTitle(self.tr("拍照"))
        self.image: QImage | None = None
        self.camera = QCamera(self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.view = QVideoWidget(self)
        self.view.setMinimumSize(640, 480)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.view)
        self.capture.imageCaptured.connect(self._captured)
        self.camera.errorOccurred.connect(lambda *_: self.status.setText(self.tr("摄像头出错，请改用照片文件。")))
        self.status = QLabel(self.tr("对准人脸，按回车拍照"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("拍照"))
        buttons.accepted.connect(self.capture.capture)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.camera.start()

    def _captured(self, _id: int, image: QImage) -> None:
        self.image = image
        self.camera.stop()
        self.accept()


def take_photo(parent: QWidget | None) -> tuple[bytes, str] | None:
    """JPEG bytes and mime, or None if the person gave up."""
    if cameras_available():
        try:
            dialog = CameraDialog(parent)
        except Exception as exc:  # no usable backend: fall back to a file
            print(f"gatehouse: camera unavailable: {exc}", file=sys.stderr)
        else:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.image is not None:
                return _jpeg(dialog.image), "image/jpeg"
            return None
    return from_file(parent)
