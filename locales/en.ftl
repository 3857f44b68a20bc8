# ChoEm — English.
# Every key here must exist in vi.ftl and back (test/locales.test.ts checks).

## Main menu and general commands

menu-welcome = Hello! This is ChoEm, the assistant of the programme “Waves and computers for kids”. ChoEm helps pupils who learn online get a computer and an Internet connection.
    How can we help?
menu-intro = How can we help?
menu-language = 🌐 Ngôn ngữ / Language
menu-resume = ▶️ Continue where you left off
menu-dialog-in-progress = You were filling in: { $form }. Choose “Continue” to go on, or type /cancel to drop it.
language-choose = Chọn ngôn ngữ / Choose your language:
language-switched = Switched to English.
help = ChoEm helps parents ask for a computer or connectivity help for their child, helps donors give, and helps teachers send lessons to parents.
    Commands:
    /start — main menu
    /cancel — cancel what you are filling in
    /language — change language
    /help — this help
    While filling in a form you can always type “back” to change the previous answer, or “cancel” to stop.
nothing-to-cancel = There is nothing to cancel. Type /start to see the menu.
unknown-command = ChoEm does not know the command /{ $command }. Type /help to see the commands.
hint-unsupported = ChoEm cannot read this kind of message yet (stickers, voice messages…). Please type or choose from the menu.
hint-not-expected = ChoEm does not need a photo or a file right now. Please choose from the menu.
hint-not-understood = ChoEm did not understand that. Please choose from the menu.
rate-limited = You are sending messages a little fast, so ChoEm is taking a short break. Please try again in about a minute.
error-sorry = Sorry, something went wrong on ChoEm's side. What you have filled in is kept; please try again in a few minutes.
share-phone-button = 📱 Share my phone number
choices-hint = { $count ->
    [1] Reply 1 to choose.
    [2] Reply 1 or 2.
    [3] Reply 1, 2 or 3.
   *[other] Reply with a number from 1 to { $count }.
}

## Forms (shared by every form)

nav-back = ⬅️ Back
nav-cancel = ✖️ Cancel
nav-skip = Skip
nav-done = ✅ Done
nav-confirm = ✅ Confirm
dialog-summary-intro = Please check this for ChoEm:
dialog-multi-hint = (You can choose several; press “Done” when finished. On Zalo, type the numbers separated by commas, e.g. 1, 3.)
dialog-typed-nav = (Type “back” to change the previous answer, or “cancel” to stop.)
dialog-typed-nav-skip = (Type “skip” if you have none, “back” to change the previous answer, or “cancel” to stop.)
dialog-skipped = (skipped)
dialog-confirm-again = Choose “Confirm” to send, “Back” to change something, or “Cancel”.
dialog-cancelled = Cancelled. ChoEm keeps nothing of what you just filled in. Type /start when you need us.
dialog-already-done = This has already been recorded; there is no need to send it again.
error-choose-option = Please pick one of the options below (replying with a number from 1 to { $count } works too).
error-choose-options = Please pick from the list (you can type the numbers, e.g. 1, 3).
error-pick-at-least-one = Please pick at least one and then press “Done”.
error-old-button = That button belongs to an older message. Please use the buttons on the newest one.
error-expected-text = ChoEm needs a typed answer to this question.
error-invalid = That answer is not in the form ChoEm needs. Please try again.
error-empty = You did not type anything. Please answer for ChoEm.
error-too-short = That answer is a little short. Please say a bit more.
error-too-long = That answer is too long. Please shorten it for ChoEm.
error-no-letters = ChoEm needs an answer in words (not only emoji or numbers).

## Phone numbers

phone-empty = You did not type a phone number.
phone-not-digits = A phone number has digits only, for example 0912 345 678.
phone-foreign = ChoEm accepts Vietnamese mobile numbers only (starting with 0 or +84).
phone-landline = This looks like a landline number. ChoEm needs a mobile number, for example 0912 345 678.
phone-wrong-length = Vietnamese mobile numbers have 10 digits, for example 0912 345 678. Please check it.
phone-unknown-network = This prefix is not a Vietnamese mobile network. Please check the number.

## Ask a staff member

menu-support = 🙋 Ask a staff member
support-title = a question for staff
support-topic-prompt = What is your question about?
support-topic-device = Asking for a computer
support-topic-connectivity = Internet connection
support-topic-donation = Donating
support-topic-class = Classes and lessons
support-topic-other = Something else
support-question-prompt = Please write your question. A staff member will answer right here in this chat.
support-phone-prompt = If you would like a call back, give ChoEm your mobile number (e.g. 0912 345 678). Otherwise choose “Skip”.
support-topic-label = About
support-question-label = Question
support-phone-label = Phone number
support-created = Your question has been sent to staff. Its code is { $code }. Staff will answer in this chat, usually during office hours.
support-call-back = Staff may call you back on { $phone }.
