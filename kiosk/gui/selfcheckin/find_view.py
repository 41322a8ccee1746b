"""Find yourself without a code: family name and one more fact, and one answer.

What was typed stays only while the person is on this page; a miss says the same thing whatever
was wrong and never shows anyone. A touch kiosk has no keyboard: touching a field, "Keyboard", or
Enter on a field from the keypad opens the on-screen keyboard below the fields, which types into
the field that has (or last had) the focus, with the keys of the screen's language (Hangul on a
Korean screen) for the family name. A physical keyboard types into the fields as usual.

Where every registration number is a number, the number field comes first and takes the keypad's
digits as they are; Enter on it, with no family name typed, offers three family names to choose
from (kiosk.services.self_lookup.family_name_choices), so a person with only a keypad checks in
with a few presses.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from kiosk.gui.selfcheckin.flow import FindNote
from kiosk.gui.selfcheckin.keypad import is_digit_field, mark_digit_field
from kiosk.gui.selfcheckin.onscreen_keyboard import Layout, OnScreenKeyboard
from kiosk.gui.selfcheckin.widgets import (
    KioskButton,
    Page,
    build_page,
    set_accessible,
    text_label,
    with_icon,
)
from kiosk.services.self_lookup import FindBy


class FindYourselfPage(Page):
    """Two facts: family name, and the registration number or the e-mail address."""

    find_by_chosen = Signal(str)
    find_requested = Signal(str, str)  # family name, registration number or e-mail
    choices_requested = Signal(str)  # a registration number typed alone

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findPage")
        self._find_by = FindBy.REGISTRATION
        self._note: FindNote | None = None
        self._wait_s = 0.0
        self._numeric = False
        self._number = ""
        self._choices: tuple[str, ...] = ()
        self._screen_layout = Layout.LATIN  # the keys of the screen's language

        self.title = text_label("findTitle", "title")
        self.hint = text_label("findHint", "body")
        self.message = text_label("findMessage", "body")
        self.message.setProperty("role", "field")

        self.by_registration = KioskButton("findByRegistration")
        self.by_email = KioskButton("findByEmail")
        for button, find_by in (
            (self.by_registration, FindBy.REGISTRATION),
            (self.by_email, FindBy.EMAIL),
        ):
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, f=find_by: self.find_by_chosen.emit(f.value))

        self.family_label = text_label("familyLabel", "field")
        self.family_field = QLineEdit()
        self.family_field.setObjectName("familyField")
        self.family_field.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        self.other_label = text_label("otherLabel", "field")
        self.other_field = QLineEdit()
        self.other_field.setObjectName("otherField")
        for field in (self.family_field, self.other_field):
            field.setMaxLength(200)
            field.setClearButtonEnabled(False)
        self.family_label.setBuddy(self.family_field)
        self.other_label.setBuddy(self.other_field)
        self.find_button = KioskButton("findButton", primary=True)
        self.find_button.clicked.connect(self._find)
        self.family_field.returnPressed.connect(self._next_field)
        self.other_field.returnPressed.connect(self._other_entered)
        self.other_field.textChanged.connect(self._number_edited)

        # The second fact as a choice, after a registration number typed alone.
        self.choice_caption = text_label("choiceCaption", "field")
        self.choice_buttons = [KioskButton(f"familyChoice{i}") for i in range(3)]
        for button in self.choice_buttons:
            button.clicked.connect(lambda _=False, b=button: self._choose(b))
        self.choice_caption.hide()
        for button in self.choice_buttons:
            button.hide()

        self.keyboard_button = KioskButton("keyboardToggle")
        self.keyboard_button.setCheckable(True)
        self.keyboard_button.toggled.connect(self._keyboard_toggled)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.hide()
        self.keyboard.layout_switched.connect(self._layout_switched)
        self._family_layout = Layout.LATIN  # the keys the person chose for the family name
        for field in (self.family_field, self.other_field):
            field.installEventFilter(self)

        fields = QWidget()
        fields.setObjectName("findFields")
        grid = QGridLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.family_label, 0, 0)
        grid.addWidget(self.other_label, 0, 1)
        grid.addWidget(self.family_field, 1, 0)
        grid.addWidget(self.other_field, 1, 1)
        grid.addWidget(self.find_button, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)

        build_page(
            self,
            [self.title, self.hint, self.message],
            [
                [self.by_registration, self.by_email, self.keyboard_button],
                fields,
                self.choice_caption,
                list(self.choice_buttons),
                self.keyboard,
            ],
        )
        self._refresh()

    def controls(self) -> list[QWidget]:
        return [
            self.by_registration,
            self.by_email,
            self.keyboard_button,
            self.family_field,
            self.other_field,
            self.find_button,
            *self.choice_buttons,
            *self.keyboard.all_keys(),
        ]

    def first_focus(self) -> QWidget:
        """The family name; or, where the registration number can be typed alone with the
        keypad's digits, that number."""
        if self._number_alone():
            return self.other_field
        return self.family_field

    def show_state(
        self,
        find_by: FindBy,
        note: FindNote | None,
        wait_s: float,
        *,
        numeric: bool = False,
        number: str = "",
        choices: tuple[str, ...] = (),
    ) -> None:
        changed = find_by is not self._find_by
        offered = choices and choices != self._choices
        self._find_by = find_by
        self._note = note
        self._wait_s = wait_s
        self._numeric = numeric
        self._number = number
        self._choices = choices
        if changed:
            self.other_field.setText("")  # a number is not an e-mail address
        self._refresh()
        if offered:
            self.choice_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_language(self, language: str) -> None:
        """The screen's language: the on-screen keyboard opens with its keys for a name."""
        self._screen_layout = Layout.HANGUL if language == "ko" else Layout.LATIN
        if not self.family_field.text() and self.keyboard.target() is not self.family_field:
            self._family_layout = self._screen_layout

    def _number_alone(self) -> bool:
        return self._numeric and self._find_by is FindBy.REGISTRATION

    def clear(self) -> None:
        """Forget what was typed (setText also empties the undo history)."""
        self.family_field.setText("")
        self.other_field.setText("")
        self.keyboard_button.setChecked(False)
        self.keyboard.reset()
        self._family_layout = self._screen_layout
        self._find_by = FindBy.REGISTRATION
        self._note = None
        self._wait_s = 0.0
        self._number = ""
        self._choices = ()
        self._refresh()

    # -- the on-screen keyboard ------------------------------------------------------------------

    def open_keyboard(self, field: QLineEdit | None = None) -> None:
        """Show the on-screen keyboard, typing into `field` (by default the field it typed
        into last, or the family name)."""
        self._aim_keyboard(field or self.keyboard.target() or self.family_field)
        self.keyboard_button.setChecked(True)

    def keypad_activate(self, widget: QWidget) -> bool:
        """Enter on a field from the keypad: the on-screen keyboard opens for that field and
        the keypad goes to its keys (see kiosk.gui.selfcheckin.keypad)."""
        if widget not in (self.family_field, self.other_field) or is_digit_field(widget):
            return False  # a digit field's Enter is its own: the keypad typed the digits
        assert isinstance(widget, QLineEdit)
        self.open_keyboard(widget)
        self.keyboard.first_key().setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _aim_keyboard(self, field: QLineEdit) -> None:
        """Type into `field`, with the keys that suit it: a registration number or an e-mail
        address is Latin; the family name keeps the keys the person chose for it."""
        self.keyboard.set_target(field)
        self.keyboard.set_layout(
            self._family_layout if field is self.family_field else Layout.LATIN
        )

    def _layout_switched(self, layout: str) -> None:
        if self.keyboard.target() is self.family_field:
            self._family_layout = Layout(layout)

    def _keyboard_toggled(self, on: bool) -> None:
        if on and self.keyboard.target() is None:
            self._aim_keyboard(self.family_field)
        if not on and any(key.hasFocus() for key in self.keyboard.all_keys()):
            self.keyboard_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.keyboard.setVisible(on)
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A field that gets the focus is where the keys type; a touch on it opens them."""
        if watched in (self.family_field, self.other_field):
            assert isinstance(watched, QLineEdit)
            if event.type() == QEvent.Type.FocusIn:
                self._aim_keyboard(watched)
            elif event.type() == QEvent.Type.MouseButtonPress:
                self.open_keyboard(watched)
        return super().eventFilter(watched, event)

    def _next_field(self) -> None:
        self.other_field.setFocus(Qt.FocusReason.TabFocusReason)

    def _other_entered(self) -> None:
        """Enter on the number (or e-mail) field: with the number alone, the family names to
        choose from; with both facts, the look-up."""
        if self._number_alone() and not self.family_field.text().strip():
            if self.find_button.isEnabled():
                self.choices_requested.emit(self.other_field.text())
            return
        self._find()

    def _number_edited(self, text: str) -> None:
        """The names offered were for the number as it was: they go when it changes."""
        if self._choices and text.strip() != self._number:
            self._choices = ()
            self._refresh()

    def _choose(self, button: KioskButton) -> None:
        """The person chose their family name: look up the number with it."""
        name = button.property("familyName")
        if isinstance(name, str) and name and self._number and self.find_button.isEnabled():
            self.find_requested.emit(name, self._number)

    def _find(self) -> None:
        if self.find_button.isEnabled():
            self.find_requested.emit(self.family_field.text(), self.other_field.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh()
        super().changeEvent(event)

    def _refresh(self) -> None:
        by_registration = self._find_by is FindBy.REGISTRATION
        self.title.setText(self.tr("Find your registration"))
        self.hint.setText(
            self.tr(
                "Give two facts from your registration. The kiosk shows only the registration "
                "that matches both."
            )
        )
        self.by_registration.setChecked(by_registration)
        self.by_email.setChecked(not by_registration)
        self.by_registration.setText(
            with_icon("●" if by_registration else "○", self.tr("Registration number"))
        )
        set_accessible(
            self.by_registration,
            self.tr("Use my registration number"),
            self.tr("Find me by my registration number and family name"),
        )
        self.by_email.setText(with_icon("○" if by_registration else "●", self.tr("E-mail address")))
        set_accessible(
            self.by_email,
            self.tr("Use my e-mail address"),
            self.tr("Find me by my family name and the e-mail address I registered with"),
        )
        self.family_label.setText(self.tr("Family name"))
        set_accessible(
            self.family_field,
            self.tr("Family name"),
            self.tr("Your family name as registered, in Latin letters or Hangul"),
        )
        if by_registration:
            self.other_label.setText(self.tr("Registration number"))
            set_accessible(
                self.other_field,
                self.tr("Registration number"),
                self.tr("The registration number from your confirmation e-mail"),
            )
            self.other_field.setInputMethodHints(
                Qt.InputMethodHint.ImhPreferUppercase
                | Qt.InputMethodHint.ImhLatinOnly
                | Qt.InputMethodHint.ImhNoPredictiveText
            )
        else:
            self.other_label.setText(self.tr("E-mail address"))
            set_accessible(
                self.other_field,
                self.tr("E-mail address"),
                self.tr("The e-mail address you registered with"),
            )
            self.other_field.setInputMethodHints(
                Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoPredictiveText
            )
        self.find_button.setText(with_icon("⌕", self.tr("Find me")))
        if self.keyboard_button.isChecked():
            self.keyboard_button.setText(with_icon("⌨", self.tr("Hide keyboard")))
            set_accessible(
                self.keyboard_button,
                self.tr("Hide keyboard"),
                self.tr("Hides the keys on the screen"),
            )
        else:
            self.keyboard_button.setText(with_icon("⌨", self.tr("Keyboard")))
            set_accessible(
                self.keyboard_button,
                self.tr("Keyboard"),
                self.tr("Shows keys on the screen to type your details with"),
            )
        set_accessible(
            self.find_button,
            self.tr("Find me"),
            self.tr("Look for the registration with these two facts"),
        )
        self.keyboard.show_target()  # the field's name, in the language now shown
        alone = self._number_alone()
        mark_digit_field(self.other_field, alone)
        if alone:
            self.hint.setText(
                self.tr(
                    "Type your registration number with the number keys and press Enter, then "
                    "choose your family name. Or type your family name too."
                )
            )
        choosing = bool(self._choices)
        self.choice_caption.setVisible(choosing)
        self.choice_caption.setText(self.tr("Which is your family name?"))
        for index, button in enumerate(self.choice_buttons):
            name = self._choices[index] if index < len(self._choices) else ""
            button.setProperty("familyName", name)
            button.setText(name)
            button.setVisible(bool(name))
            set_accessible(
                button,
                name or self.tr("Family name choice {number}").format(number=index + 1),
                self.tr("Choose this if it is your family name"),
            )
        waiting = self._wait_s > 0
        self.find_button.setEnabled(not waiting)
        self.message.setText(self._message(waiting))
        self.message.setVisible(bool(self.message.text()))

    def _message(self, waiting: bool) -> str:
        if waiting:
            seconds = math.ceil(self._wait_s)
            return self.tr(
                "We could not find a registration with these details. Please check them, or "
                "ask the staff. You can try again in {seconds} seconds."
            ).format(seconds=seconds)
        if self._note is FindNote.NOT_FOUND:
            return self.tr(
                "We could not find a registration with these details. Please check or ask the "
                "staff."
            )
        if self._note is FindNote.MISSING:
            return self.tr("Please fill in both fields.")
        return ""
