# Generated from ui/signin.ui by `python -m desktop.gui.build forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signin.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(520, 340)
        self.verticalLayout = QVBoxLayout(SignInDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.heading = QLabel(SignInDialog)
        self.heading.setObjectName(u"heading")

        self.verticalLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.operatorLabel = QLabel(SignInDialog)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorBox = QComboBox(SignInDialog)
        self.operatorBox.setObjectName(u"operatorBox")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.operatorBox)

        self.stationLabel = QLabel(SignInDialog)
        self.stationLabel.setObjectName(u"stationLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.stationLabel)

        self.stationBox = QComboBox(SignInDialog)
        self.stationBox.setObjectName(u"stationBox")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stationBox)

        self.pinLabel = QLabel(SignInDialog)
        self.pinLabel.setObjectName(u"pinLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(SignInDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pinEdit)


        self.verticalLayout.addLayout(self.form)

        self.errorLabel = QLabel(SignInDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(SignInDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.operatorLabel.setBuddy(self.operatorBox)
        self.stationLabel.setBuddy(self.stationBox)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignInDialog)

        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"\u4e0a\u5c97\u767b\u8bb0", None))
        self.heading.setText(QCoreApplication.translate("SignInDialog", u"\u8bf7\u9009\u62e9\u60a8\u7684\u59d3\u540d\u548c\u5c97\u4f4d", None))
        self.operatorLabel.setText(QCoreApplication.translate("SignInDialog", u"\u64cd\u4f5c\u5458(&O)", None))
        self.stationLabel.setText(QCoreApplication.translate("SignInDialog", u"\u5c97\u4f4d(&S)", None))
        self.pinLabel.setText(QCoreApplication.translate("SignInDialog", u"\u5bc6\u7801(&P)", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("SignInDialog", u"\u7763\u67e5\u5458\u548c\u7ba1\u7406\u5458\u9700\u8981\u8f93\u5165", None))
        self.errorLabel.setText("")
    # retranslateUi
