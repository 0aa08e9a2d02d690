/** Messages of the password reset pages and the unsubscribe page (links from Rapport's mail). */
export const emailMessages = {
  // Admin: an invitation bound to an address was mailed
  'email.invitation.sent': 'We emailed the link to {email}. You can also share it yourself.',

  // Sign-in page
  'email.forgot.link': 'Forgot your password?',

  // Asking for a reset link
  'email.forgot.title': 'Reset your password',
  'email.forgot.intro':
    'Enter the email address of your account. We will send you a link to choose a new password.',
  'email.forgot.submit': 'Send me a link',
  'email.forgot.submitting': 'Sending…',
  'email.forgot.backToSignIn': 'Back to sign in',
  'email.forgot.sentTitle': 'Check your email',
  'email.forgot.sentBody':
    'If an account uses {email}, we have sent it a link to choose a new password. The link works once, for one hour.',
  'email.forgot.sentHint':
    'Nothing arrived after a few minutes? Check your spam folder, or make sure you typed the address your account uses.',
  'email.forgot.tryAgain': 'Try another address',

  // Choosing the new password
  'email.reset.title': 'Choose a new password',
  'email.reset.intro':
    'You will be signed out everywhere, including on your phone, and sign in again with the new password.',
  'email.reset.password': 'New password',
  'email.reset.confirm': 'New password again',
  'email.reset.mismatch': 'The two passwords are not the same.',
  'email.reset.submit': 'Change password',
  'email.reset.submitting': 'Changing…',
  'email.reset.doneTitle': 'Your password has been changed',
  'email.reset.doneBody': 'Sign in with your new password.',
  'email.reset.signIn': 'Sign in',
  'email.reset.invalidTitle': 'This link cannot be used',
  'email.reset.invalidBody':
    'Password reset links work once, for one hour, and only the newest one you asked for. Ask for a new link.',
  'email.reset.askAgain': 'Ask for a new link',

  // Unsubscribing
  'email.unsubscribe.title': 'Unsubscribe',
  'email.unsubscribe.checking': 'Checking the link…',
  'email.unsubscribe.digestQuestion': 'Stop your {frequency} digest?',
  'email.unsubscribe.typeQuestion': 'Stop emails about {topic}?',
  'email.unsubscribe.explainDigest':
    'You will no longer get the email that lists what you have not seen in Rapport. Notifications still show in the app.',
  'email.unsubscribe.explainType':
    'You will no longer get an email for each of these. They still show in the app, and in your digest.',
  'email.unsubscribe.confirm': 'Unsubscribe',
  'email.unsubscribe.working': 'Saving…',
  'email.unsubscribe.doneDigest': 'You will no longer get your {frequency} digest.',
  'email.unsubscribe.doneType': 'You will no longer get emails about {topic}.',
  'email.unsubscribe.offDigest': 'Your {frequency} digest is off.',
  'email.unsubscribe.offType': 'Emails about {topic} are off.',
  'email.unsubscribe.undo': 'Undo',
  'email.unsubscribe.resubscribe': 'Turn it back on',
  'email.unsubscribe.backOnDigest': 'Your {frequency} digest is back on.',
  'email.unsubscribe.backOnType': 'Emails about {topic} are back on.',
  'email.unsubscribe.settings': 'Choose what you get in your notification settings',
  'email.unsubscribe.invalidTitle': 'This unsubscribe link is not valid',
  'email.unsubscribe.invalidBody':
    'It may have been cut short when it was copied. You can choose which emails you get in your notification settings.',
  'email.frequency.daily': 'daily',
  'email.frequency.weekly': 'weekly',

  // What a notification type is about, as the unsubscribe page names it
  'email.topic.mention': 'mentions and replies',
  'email.topic.status': 'new statuses of people you follow closely',
  'email.topic.reblog': 'boosts of your statuses',
  'email.topic.favourite': 'favourites of your statuses',
  'email.topic.follow': 'new followers',
  'email.topic.poll': 'ended polls',
  'email.topic.update': 'edits of statuses you boosted',
  'email.topic.admin.report': 'reports to handle',
  'email.topic.moderation_warning': 'moderation decisions',
  'email.topic.community_invitation': 'community invitations',
  'email.topic.community_request': 'requests to join your communities',
  'email.topic.community_approved': 'accepted requests to join a community',
  'email.topic.question_suggested': 'questions put to you',
  'email.topic.answer_accepted': 'accepted answers',
  'email.topic.event_changed': 'changed events',
  'email.topic.event_cancelled': 'cancelled events',
  'email.topic.introduction_requested': 'introductions asked of you',
  'email.topic.event_invitation': 'invitations to events',
  'email.topic.page_invitation': 'pages shared with you',
  'email.topic.introduction_forwarded': 'introductions passed on',
  'email.topic.introduction_accepted': 'accepted introductions',
  'email.topic.introduction_declined': 'declined introductions',
  'email.topic.chat_message': 'chat messages',
} as const;
