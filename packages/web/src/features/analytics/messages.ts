/** Messages of organisation analytics and of the shared charts (i18n/en.ts). */
export const analyticsMessages = {
  'analytics.nav': 'Analytics',
  'analytics.title': 'Analytics',
  'analytics.intro':
    'How participation, answers, knowledge and connections are spread across groups of people. Patterns, never individuals: nobody is named, and figures about very small groups are hidden.',
  'analytics.tabs': 'Dashboards',
  'analytics.tab.participation': 'Participation',
  'analytics.tab.responsiveness': 'Responsiveness',
  'analytics.tab.knowledgeRisk': 'Knowledge risk',
  'analytics.tab.silos': 'Silos',
  'analytics.none.title': 'No dashboards for you',
  'analytics.none.body':
    'Analytics are for admins and for the owners and moderators of a community. Your own insights are private to you.',
  'analytics.notYours.title': 'This dashboard is not yours to open',
  'analytics.notYours.body':
    'Admins see the organisation and its departments; owners and moderators see their community. Pick one of yours above.',
  'analytics.scope.label': 'Dashboard for',
  'analytics.scope.organisationGroup': 'Everyone',
  'analytics.scope.organisation': 'The whole organisation',
  'analytics.scope.departments': 'Departments',
  'analytics.scope.communities': 'Communities',
  'analytics.scope.community': 'A community',
  'analytics.scope.find': 'Another community…',
  'analytics.scope.findLabel': 'Find a community by name',
  'analytics.scope.noneFound': 'No community by that name.',
  'analytics.period.label': 'Period',
  'analytics.period.weeks': { one: 'Last week', other: 'Last {count} weeks' },
  'analytics.csv': 'Download CSV',
  'analytics.csvOf': 'Download CSV: {name}',
  'analytics.definitions': 'What these figures mean',
  'analytics.withheld.title': 'Figures hidden to protect privacy',
  'analytics.withheld.body':
    'This group has fewer than {count} people, so its figures are hidden to protect privacy.',
  'analytics.minutes': { one: '{count} minute', other: '{count} minutes' },
  'analytics.hours': { one: '{hours} hour', other: '{hours} hours' },
  'analytics.hoursShort': '{hours} h',
  'analytics.days': { one: '{days} day', other: '{days} days' },
  'analytics.weekOf': 'Week of {date}',

  'analytics.table.week': 'Week',
  'analytics.table.people': 'People',
  'analytics.table.count': 'Count',
  'analytics.table.share': 'Share',
  'analytics.table.hours': 'Hours',
  'analytics.table.questions': 'Questions',
  'analytics.table.segment': 'Segment',
  'analytics.table.persona': 'Persona',
  'analytics.table.measure': 'Measure',
  'analytics.table.topic': 'Topic',
  'analytics.table.busFactor': 'Bus factor',
  'analytics.table.contributors': 'Contributors',
  'analytics.table.answers': 'Answers',
  'analytics.table.pages': 'Pages',
  'analytics.table.questionsAsked': 'Questions asked',
  'analytics.table.unanswered': 'Unanswered',
  'analytics.table.listedBy': 'Listed as a skill by',
  'analytics.table.remedy': 'Suggested remedy',
  'analytics.table.department': 'Department',
  'analytics.table.crossShare': 'Reaching other departments',

  'analytics.figure.members': 'Members',
  'analytics.figure.contributors': 'Contributors',
  'analytics.figure.contributions': 'Contributions',
  'analytics.figure.reactions': 'Reactions',
  'analytics.figure.reactionsNote': 'Light participation, counted apart',
  'analytics.figure.top1': 'Written by the top 1%',
  'analytics.figure.top10': 'Written by the top 10%',
  'analytics.figure.top15': 'Written by the top 15%',
  'analytics.figure.gini': 'Gini coefficient',
  'analytics.figure.giniNote': '0 is even, 1 is one person doing everything',
  'analytics.figure.firstTime': 'First-time contributors',
  'analytics.figure.cameBack': 'Came back',
  'analytics.figure.cameBackNote': 'Contributed again in a later week',
  'analytics.figure.asked': 'Questions asked',
  'analytics.figure.answered': 'Answered',
  'analytics.figure.accepted': 'Answer accepted',
  'analytics.figure.unanswered': 'Still waiting',
  'analytics.figure.median': 'Median time to first answer',
  'analytics.figure.p90': '90th percentile',
  'analytics.figure.p90Note': '9 in 10 answered questions got an answer within this time',
  'analytics.figure.topics': 'Topics',
  'analytics.figure.atRisk': 'At risk',
  'analytics.figure.hiddenTopics': 'Topics hidden',
  'analytics.figure.hiddenTopicsNote': 'Fewer than {count} people took part in them',
  'analytics.figure.interactions': 'Interactions',
  'analytics.figure.crossShare': 'Crossing departments',
  'analytics.figure.crossShareNote': 'Of all interactions',
  'analytics.figure.reciprocity': 'Reciprocity',
  'analytics.figure.reciprocityNote': 'Of the people one reached, the share who reached back',
  'analytics.figure.isolated': 'Departments cut off',

  'analytics.participation.headline': 'At a glance',
  'analytics.participation.pattern':
    'The most active 15% of members wrote {share} of all contributions.',
  'analytics.participation.patternHidden':
    'How much the most active 15% wrote is hidden: here they are fewer than {count} people.',
  'analytics.participation.patternNone': 'Nobody contributed in this period.',
  'analytics.participation.patternWhy':
    'In most organisations about 15% of people write 85% of the content (the 85/15 pattern). That is normal; what helps is seeing whether more people join in over time.',
  'analytics.participation.lorenz': 'How contributions are spread',
  'analytics.participation.lorenzHow':
    'Members from the least to the most active along the bottom; the share of all contributions they made so far up the side. The further the curve sags below the diagonal, the more a few people carry the conversation.',
  'analytics.participation.segments': 'Segments',
  'analytics.participation.newcomersTitle': 'Newcomers',
  'analytics.participation.personas': 'Personas',
  'analytics.participation.personasIntro':
    'What people give (posts, replies, reactions) against the responses they receive (replies and reactions from others).',
  'analytics.participation.weekly': 'Week by week',
  'analytics.participation.weeklyPeople': 'People each week',
  'analytics.participation.weeklyContributions': 'Contributions and reactions each week',
  'analytics.participation.weeklyTop15': 'Share written by the top 15% each week',
  'analytics.participation.usual': 'Usual pattern: 85%',

  'analytics.segment.inactive': 'Inactive',
  'analytics.segment.observers': 'Observers',
  'analytics.segment.occasional': 'Occasional contributors',
  'analytics.segment.heavy': 'Heavy contributors',
  'analytics.segmentMeaning.inactive': 'No visit, reaction or contribution in the period.',
  'analytics.segmentMeaning.observers': 'Visited or reacted, but contributed nothing.',
  'analytics.segmentMeaning.occasional': 'Contributed, less than a heavy contributor.',
  'analytics.segmentMeaning.heavy':
    'At least {perWeek} contribution a week on average, and at least {minimum} in the period.',

  'analytics.persona.observer': 'Observers',
  'analytics.persona.broadcaster': 'Broadcasters',
  'analytics.persona.responder': 'Responders',
  'analytics.persona.catalyst': 'Catalysts',
  'analytics.persona.engager': 'Engagers',
  'analytics.personaMeaning.observer':
    'Wrote nothing in the period (no post or reply): they read along, and may react.',
  'analytics.personaMeaning.catalyst':
    'Start things that draw others in: they receive at least {ratio} responses for each thing they give, and have posted.',
  'analytics.personaMeaning.responder':
    'Mostly help others: at least {share} of what they give are replies and reactions to others.',
  'analytics.personaMeaning.broadcaster':
    'Mostly post, and receive fewer than {ratio} responses for each thing they give.',
  'analytics.personaMeaning.engager':
    'Both post and respond, and others respond to them: everyone else who takes part.',
  'analytics.personaMeaning.order':
    'A person has one persona, checked in this order: observer, catalyst, responder, broadcaster, engager. A favourite or boost counts as {weight} of a post or reply, given or received.',

  'analytics.series.active': 'Active members',
  'analytics.series.contributors': 'Contributors',
  'analytics.series.firstTime': 'First-time contributors',
  'analytics.series.contributions': 'Contributions',
  'analytics.series.reactions': 'Reactions',
  'analytics.series.top15': 'Top 15% share',
  'analytics.series.asked': 'Asked',
  'analytics.series.answered': 'Answered',
  'analytics.series.withinTarget': 'Answered within target',
  'analytics.series.median': 'Median time to first answer',

  'analytics.responsiveness.headline': 'Questions in this period',
  'analytics.responsiveness.target': 'Against your target',
  'analytics.responsiveness.targetNone': 'No questions were asked in this period.',
  'analytics.responsiveness.targetMet':
    '{actual} of questions got a first answer within {hours}: the target of {target} is met.',
  'analytics.responsiveness.targetMissed':
    '{actual} of questions got a first answer within {hours}, against a target of {target}: {points} points short.',
  'analytics.responsiveness.targetChart': 'Answered within {hours}, beside the target',
  'analytics.responsiveness.actualBar': 'Answered within {hours}',
  'analytics.responsiveness.targetBar': 'Target',
  'analytics.responsiveness.targetMark': 'Target',
  'analytics.responsiveness.weekly': 'Week by week',
  'analytics.responsiveness.weeklyQuestions': 'Questions asked and answered each week',
  'analytics.responsiveness.weeklyWithin': 'Share answered within {hours} each week',
  'analytics.responsiveness.weeklyMedian': 'Median time to first answer each week',
  'analytics.target.source.scope': 'This target was set for this group.',
  'analytics.target.source.organisation': 'This group follows the organisation’s target.',
  'analytics.target.source.default': 'No target was set yet: this is the default.',
  'analytics.target.titleOrganisation': 'The organisation’s target',
  'analytics.target.titleCommunity': 'This community’s target',
  'analytics.target.percent': 'Share of questions (%)',
  'analytics.target.percentHint': 'From 5 to 100.',
  'analytics.target.percentInvalid': 'Enter a percentage from 5 to 100.',
  'analytics.target.hours': 'Answered within (hours)',
  'analytics.target.hoursHint': 'Whole hours, from 1 to 720 (30 days).',
  'analytics.target.hoursInvalid': 'Enter whole hours from 1 to 720.',
  'analytics.target.save': 'Save target',
  'analytics.target.saved': 'Target saved.',
  'analytics.unanswered.title': 'Waiting for an answer',
  'analytics.unanswered.intro': {
    zero: 'Every question asked in this period has an answer.',
    one: '{count} question asked in this period has no answer yet. Oldest first (the list leaves out what you may not see, such as private communities you are not in):',
    other:
      '{count} questions asked in this period have no answer yet. Oldest first (the list leaves out what you may not see, such as private communities you are not in):',
  },
  'analytics.unanswered.empty': 'No question is waiting',
  'analytics.unanswered.emptyBody': 'Every question you can see has an answer.',
  'analytics.unanswered.untitled': 'A question',
  'analytics.unanswered.asked': 'Asked',
  'analytics.unanswered.waiting': 'waiting {time}',

  'analytics.knowledge.headline': 'Where knowledge depends on few people',
  'analytics.knowledge.intro':
    'Topics (hashtags, communities and skills) whose answers and pages come from one or two people, and how much they are asked about.',
  'analytics.knowledge.demand': 'Demand on topics at risk',
  'analytics.knowledge.demandIntro':
    'Questions asked in the period on topics that rest on one or two people.',
  'analytics.knowledge.barLabel': {
    one: '{name} (bus factor {count})',
    other: '{name} (bus factor {count})',
  },
  'analytics.knowledge.topics': 'Topics',
  'analytics.knowledge.atRisk': 'At risk',
  'analytics.knowledge.empty': 'No topics yet',
  'analytics.knowledge.emptyBody':
    'No topic had answers or pages from enough people in this period.',
  'analytics.topicKind.hashtag': 'Hashtag',
  'analytics.topicKind.community': 'Community',
  'analytics.topicKind.skill': 'Skill',
  'analytics.remedy.write_page': 'Ask for a page',
  'analytics.remedy.backup_responder': 'Name a backup responder',
  'analytics.remedy.answer_queue': 'Answer the waiting questions',
  'analytics.remedy.none': 'None needed',

  'analytics.silos.headline': 'Between departments',
  'analytics.silos.intro':
    'Who reaches whom across the organisation, by department: answers, replies, reactions, mentions, pages written together. Only that an interaction happened is counted, never what was said.',
  'analytics.silos.isolatedTitle': 'Departments cut off from the others',
  'analytics.silos.isolatedLine':
    '{name}: {share} of its interactions reach another department (below {threshold}).',
  'analytics.silos.matrix': 'Interactions between departments',
  'analytics.silos.matrixIntro':
    'Each row is the department people acted from, each column the department they reached. The darker the square, the more interactions.',
  'analytics.silos.from': 'from',
  'analytics.silos.to': 'to',
  'analytics.silos.cross': 'Reaching other departments',
  'analytics.silos.crossIntro':
    'For each department, the share of the interactions its people start that reach another department. Below {threshold} a department is called cut off.',
  'analytics.silos.thresholdMark': 'Cut-off line',
  'analytics.silos.departmentLabel': {
    one: '{name} ({count} person)',
    other: '{name} ({count} people)',
  },
  'analytics.silos.empty': 'No departments to compare',
  'analytics.silos.emptyBody':
    'Set people’s departments on their profiles to see how they connect.',
  'analytics.silos.organisationOnly': 'Silos are shown for the whole organisation only.',
  'analytics.silos.openOrganisation': 'Open the organisation’s silos',

  'analytics.term.members': 'Members',
  'analytics.define.members':
    'Accounts that are not suspended, with the role member or admin, that existed before the period ended. Guests count only in the communities they belong to. People who opted out count in organisation totals only.',
  'analytics.term.contributions': 'Contributions',
  'analytics.define.contributions':
    'Posts written in the period, replies, questions and answers included, plus page revisions written.',
  'analytics.term.reactions': 'Reactions',
  'analytics.define.reactions':
    'Favourites and boosts given: light participation, counted apart from contributions.',
  'analytics.term.topShare': 'Top 1%, 10% and 15% share',
  'analytics.define.topShare':
    'Sort members by contributions, take the first 1%, 10% or 15% of them (rounded up), and divide what they wrote by all contributions.',
  'analytics.term.gini': 'Gini coefficient',
  'analytics.define.gini':
    'How unevenly contributions are spread over every member, those who wrote nothing included: 0 when everyone contributes alike, close to 1 when one person writes everything.',
  'analytics.term.lorenz': 'Lorenz curve',
  'analytics.define.lorenz':
    'Members from the least to the most active, against the share of contributions they made together. The diagonal is perfect equality; the shaded gap is the inequality, and twice its area is the Gini coefficient.',
  'analytics.term.firstTime': 'First-time contributors',
  'analytics.define.firstTime':
    'Members whose first contribution ever falls in the period; they came back if they contributed again in a later week.',
  'analytics.term.privacy': 'Privacy',
  'analytics.define.privacy':
    'A figure about fewer than {count} people is hidden. No dashboard shows a person, their relationships or their own insights, and the contents of messages are never analysed.',
  'analytics.term.asked': 'Questions asked',
  'analytics.define.asked':
    'Questions asked in the period; whether they were answered is counted up to now.',
  'analytics.term.firstAnswer': 'Time to first answer',
  'analytics.define.firstAnswer':
    'From a question to the first reply by someone other than the asker.',
  'analytics.term.median': 'Median and 90th percentile',
  'analytics.define.median':
    'Half of the answered questions got their first answer within the median time, nine in ten within the 90th percentile.',
  'analytics.term.target': 'Target',
  'analytics.define.target':
    'The share of questions the organisation or a community means to answer within a number of hours. Admins set the organisation’s; owners and moderators set their community’s. Departments follow the organisation’s.',
  'analytics.term.unanswered': 'Waiting for an answer',
  'analytics.define.unanswered':
    'Questions of the period without a reply from anyone but the asker. The list shows only the questions you can see.',
  'analytics.term.topic': 'Topic',
  'analytics.define.topic': 'A hashtag, a community or a skill people list on their profiles.',
  'analytics.term.busFactor': 'Bus factor',
  'analytics.define.busFactor':
    'The fewest people whose answers and pages make up at least half of a topic’s answers and pages. A bus factor of 1 means one person holds the topic.',
  'analytics.term.demand': 'Demand',
  'analytics.define.demand': 'Questions asked on the topic in the period.',
  'analytics.term.atRisk': 'At risk',
  'analytics.define.atRisk': 'A bus factor of 1 or 2 on a topic people ask about.',
  'analytics.term.hiddenTopics': 'Hidden topics',
  'analytics.define.hiddenTopics':
    'Topics fewer than {count} people took part in are left out of the list.',
  'analytics.term.interaction': 'Interaction',
  'analytics.define.interaction':
    'One person acting towards another: an answer, a reply, a reaction, a mention, a page written together, an event attended together. Only that it happened is counted.',
  'analytics.term.crossShare': 'Crossing departments',
  'analytics.define.crossShare':
    'The share of all interactions between people of two different departments.',
  'analytics.term.reciprocity': 'Reciprocity',
  'analytics.define.reciprocity':
    'Of the pairs of people where one reached the other, the share where both did.',
  'analytics.term.isolated': 'Cut off',
  'analytics.define.isolated':
    'A department whose people start fewer than {threshold} of their interactions with other departments.',
  'analytics.term.other': 'Other',
  'analytics.define.other':
    'Departments with fewer than {count} people are pooled as “Other”, so that no small team can be singled out.',

  'analytics.chart.hidden': 'Hidden: fewer than {count} people',
  'analytics.chart.none': '–',
  'analytics.chart.empty': 'No data for this period yet.',
  'analytics.chart.explore': '{name}: use the arrow keys to read each point',
  'analytics.chart.scroll': '{name} (scrolls sideways)',
  'analytics.chart.lorenzPoint':
    'The least active {members} of members made {contributions} of contributions',
  'analytics.chart.lorenzMembers': 'Share of members (least active first)',
  'analytics.chart.lorenzContributions': 'Share of contributions they made',
  'analytics.chart.lorenzMembersAxis': 'Members, least active first',
  'analytics.chart.lorenzContributionsAxis': 'Share of all contributions',
  'analytics.chart.lorenzCurve': 'Actual spread',
  'analytics.chart.equality': 'Everyone contributing alike',
  'analytics.chart.gap': 'Inequality',
  'analytics.chart.topMade': 'Top {top} made {made}',
  'analytics.chart.heatAxes': 'Rows: {rows} · columns: {columns}',
  'analytics.chart.heatCell': 'From {from} to {to}: {value}',
  'analytics.chart.heatSelf': 'Outlined: within the same group',
} as const;
