-- Training: a curriculum of modules made of checklist items, who must learn which module,
-- each item signed off by a trainer, and role-play drills scored against the rubric.
--
-- A module's title and items live in versions: editing a module writes a new version and
-- never touches the items people already signed, so a sign-off keeps the text it was given
-- for. An item keeps its `lineage_id` (the id of its first appearance) across versions, so a
-- sign-off still counts after a typo is fixed; an item left out of a newer version no longer
-- counts. Seeded rows carry both languages; rows a trainer adds hold the text as typed in
-- both columns. Dates are local calendar dates (YYYY-MM-DD), instants RFC 3339 UTC.

CREATE TABLE training_modules (
    id                INTEGER PRIMARY KEY,
    seed_key          TEXT UNIQUE,
    industry          TEXT CHECK (industry IN ('property', 'hotel', 'postal')),
    refresher_months  INTEGER CHECK (refresher_months BETWEEN 1 AND 120),
    position          INTEGER NOT NULL,
    retired           INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at        TEXT NOT NULL
);

CREATE TABLE training_module_versions (
    id          INTEGER PRIMARY KEY,
    module_id   INTEGER NOT NULL REFERENCES training_modules (id),
    version     INTEGER NOT NULL,
    title_en    TEXT NOT NULL,
    title_zh    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (module_id, version)
);

CREATE TABLE training_items (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES training_module_versions (id),
    lineage_id  INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    text_en     TEXT NOT NULL,
    text_zh     TEXT NOT NULL
);

CREATE INDEX training_items_version ON training_items (version_id, position);

-- To one person, or to everyone holding a position (people who join in it later included).
CREATE TABLE training_assignments (
    id           INTEGER PRIMARY KEY,
    module_id    INTEGER NOT NULL REFERENCES training_modules (id),
    staff_id     INTEGER REFERENCES staff (id),
    position     TEXT,
    assigned_at  TEXT NOT NULL,
    CHECK ((staff_id IS NULL) <> (position IS NULL))
);

CREATE INDEX training_assignments_module ON training_assignments (module_id);

CREATE TABLE training_signoffs (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    item_id      INTEGER NOT NULL REFERENCES training_items (id),
    signed_on    TEXT NOT NULL,
    trainer_id   INTEGER REFERENCES staff (id),
    recorded_at  TEXT NOT NULL
);

CREATE INDEX training_signoffs_staff ON training_signoffs (staff_id, item_id);

CREATE TABLE drill_scenarios (
    id             INTEGER PRIMARY KEY,
    seed_key       TEXT UNIQUE,
    industry       TEXT NOT NULL CHECK (industry IN ('property', 'hotel', 'postal', 'other')),
    customer_type  TEXT NOT NULL CHECK (customer_type IN ('passive', 'talker', 'angry', 'activist')),
    title_en       TEXT NOT NULL,
    title_zh       TEXT NOT NULL,
    who_en         TEXT NOT NULL,
    who_zh         TEXT NOT NULL,
    happened_en    TEXT NOT NULL,
    happened_zh    TEXT NOT NULL,
    wants_en       TEXT NOT NULL,
    wants_zh       TEXT NOT NULL,
    angrier_en     TEXT NOT NULL,
    angrier_zh     TEXT NOT NULL,
    calmer_en      TEXT NOT NULL,
    calmer_zh      TEXT NOT NULL,
    opening_en     TEXT NOT NULL,
    opening_zh     TEXT NOT NULL,
    briefing_en    TEXT NOT NULL,
    briefing_zh    TEXT NOT NULL,
    retired        INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at     TEXT NOT NULL
);

-- One drill held: the scenario, who played, who observed, how long it took and the scores.
CREATE TABLE drills (
    id                INTEGER PRIMARY KEY,
    scenario_id       INTEGER NOT NULL REFERENCES drill_scenarios (id),
    held_at           TEXT NOT NULL,
    duration_seconds  INTEGER NOT NULL CHECK (duration_seconds BETWEEN 0 AND 86400),
    observer_id       INTEGER REFERENCES staff (id),
    actor_id          INTEGER REFERENCES staff (id),
    total             INTEGER NOT NULL,
    max_total         INTEGER NOT NULL,
    comments          TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL
);

CREATE INDEX drills_held ON drills (held_at);

CREATE TABLE drill_trainees (
    drill_id  INTEGER NOT NULL REFERENCES drills (id),
    staff_id  INTEGER NOT NULL REFERENCES staff (id),
    PRIMARY KEY (drill_id, staff_id)
);

CREATE TABLE drill_scores (
    drill_id  INTEGER NOT NULL REFERENCES drills (id),
    step      TEXT NOT NULL,
    score     INTEGER NOT NULL CHECK (score BETWEEN 0 AND 3),
    note      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (drill_id, step)
);


-- The seeded curriculum. Its versions date from before any branch existed, so every past
-- month sees them.

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (1, 'principles', NULL, 12, 1, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (1, 1, 1, 'Handling principles', '投诉处理原则', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (1, 1, 1, 1, 'Calms the customer''s feelings before discussing the facts', '先安抚客户情绪，再谈事实'),
    (2, 1, 2, 2, 'Responds at once and never passes the customer from desk to desk', '立即回应，不推诿，不让客户来回奔波'),
    (3, 1, 3, 3, 'Finds out who the customer is and what happened before answering', '作答之前先了解客户背景和事情经过'),
    (4, 1, 4, 4, 'Establishes the cause and how far the problem reaches', '查清问题的原因和波及范围'),
    (5, 1, 5, 5, 'Knows the limits of own authority and brings in a superior in time', '清楚自己的权限，需要时及时请上级出面'),
    (6, 1, 6, 6, 'Looks for a solution both sides accept and promises only what can be delivered', '寻找双方都能接受的方案，只承诺能兑现的事'),
    (7, 1, 7, 7, 'Holds firm on rules where required, politely and with reasons', '必须坚持原则时，礼貌而有理有据');

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (2, 'technique', NULL, 6, 2, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (2, 2, 1, 'The handling sequence', '投诉处理步骤', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (8, 2, 8, 1, 'Takes the customer away from onlookers to a quiet place', '把客户请离围观人群，换到安静的地方'),
    (9, 2, 9, 2, 'Asks open questions to find the real dissatisfaction', '用开放式提问找出真正的不满'),
    (10, 2, 10, 3, 'Listens fully and shows concern, without interrupting or rebutting', '专心倾听并表达关切，不打断、不急于反驳'),
    (11, 2, 11, 4, 'Repeats the complaint back and has the customer confirm it', '复述投诉内容，请客户确认'),
    (12, 2, 12, 5, 'Apologises and acknowledges how the customer feels', '致歉，并认可客户的感受'),
    (13, 2, 13, 6, 'Summarises the problem and says what happens next and by when', '归纳问题，说明接下来怎么做、何时完成'),
    (14, 2, 14, 7, 'Thanks the customer and agrees a follow-up call', '感谢客户，约定回访时间'),
    (15, 2, 15, 8, 'Reviews the case with the team afterwards', '事后与团队一起复盘');

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (3, 'customer_types', NULL, 12, 3, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (3, 3, 1, 'The four customer types', '四类客户及应对', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (16, 3, 16, 1, 'Tells the four types apart: passive, talker, angry, activist', '能分辨四类客户：沉默型、健谈型、愤怒型、维权型'),
    (17, 3, 17, 2, 'Passive: takes the first step, acts at once, offers two or three concrete options', '沉默型：主动关心、立即行动，给出两三个具体方案供选择'),
    (18, 3, 18, 3, 'Talker: acknowledges, then steers back to the concrete problem; apologises but holds the line', '健谈型：先认可，再把话题拉回具体问题；可以致歉但守住底线'),
    (19, 3, 19, 4, 'Angry: moves away from the crowd, lets them finish, corrects plain errors calmly', '愤怒型：离开人群，让客户说完，平静地纠正明显的事实错误'),
    (20, 3, 20, 5, 'Angry: knows when a better-matched colleague or a manager should take over', '愤怒型：知道何时请更合适的同事或经理接手'),
    (21, 3, 21, 6, 'Activist: handles with special care, brings expectations back to what is reasonable, keeps in close contact', '维权型：格外谨慎，把期望引导到合理范围，保持密切联系');

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (4, 'control', NULL, 12, 4, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (4, 4, 1, 'Keeping control and stopping escalation', '掌控局面与防止升级', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (22, 4, 22, 1, 'Stays patient and warm when the customer raises their voice', '客户提高嗓门时仍保持耐心和温和'),
    (23, 4, 23, 2, 'Buys time honestly (checking records, asking a superior) without stonewalling', '正当地争取时间（查记录、请示上级），而不是敷衍拖延'),
    (24, 4, 24, 3, 'Watches for warning signs: threats of press, regulators or group action', '留意预警信号：扬言找媒体、监管部门或集体投诉'),
    (25, 4, 25, 4, 'Shares what is known about the case inside the team', '在团队内共享案情，不让同事措手不及'),
    (26, 4, 26, 5, 'Reports upward and calls the team together when a case may escalate', '案件可能升级时向上报告并召集团队商议'),
    (27, 4, 27, 6, 'Knows when a goodwill gesture is justified and who approves it', '清楚何时适合给予补偿、由谁批准');

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (5, 'prevention', NULL, NULL, 5, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (5, 5, 1, 'Prevention basics', '投诉预防基础', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (28, 5, 28, 1, 'Collects complaints, surveys and feedback in one place', '把投诉、调查和意见集中收集'),
    (29, 5, 29, 2, 'Reads the main causes and how often they occur from the monthly report', '能从月报中读出主要原因及其发生频率'),
    (30, 5, 30, 3, 'Proposes a measure with a measurable goal, an owner and a date', '提出有可衡量目标、负责人和期限的改进措施'),
    (31, 5, 31, 4, 'Puts a measure into practice with instructions and training for colleagues', '通过说明和培训，把措施落实到每位同事'),
    (32, 5, 32, 5, 'Checks afterwards whether complaints of that kind fell, and adjusts', '事后检查同类投诉是否减少，并及时调整');

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (6, 'industry_property', 'property', 12, 6, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (6, 6, 1, 'Property management: handling complaints on site', '物业管理：现场投诉处理', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (33, 6, 33, 1, 'Knows the response times for repairs and emergencies', '熟悉报修和紧急情况的响应时限'),
    (34, 6, 34, 2, 'Explains service fees and bills clearly, item by item', '能逐项讲清物业费和账单'),
    (35, 6, 35, 3, 'Handles neighbour and noise disputes without taking sides', '处理邻里和噪音纠纷时不偏袒任何一方'),
    (36, 6, 36, 4, 'Recognises a complaint from several households and reports it at once', '能识别多户联名投诉并立即上报'),
    (37, 6, 37, 5, 'Follows a repair through until the owner confirms it is done', '跟进报修，直到业主确认完成');

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (7, 'industry_hotel', 'hotel', 12, 7, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (7, 7, 1, 'Hotel: handling guest complaints', '酒店：宾客投诉处理', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (38, 7, 38, 1, 'Offers a fix or a room change on the spot for cleanliness or noise', '遇到卫生或噪音问题，当场处理或提供换房'),
    (39, 7, 39, 2, 'Goes through the bill with the guest line by line', '与客人逐项核对账单'),
    (40, 7, 40, 3, 'Takes a complaint at the front desk aside, away from the queue', '前台接到投诉时，把客人请到一旁，避开排队人群'),
    (41, 7, 41, 4, 'Knows what goodwill (upgrade, voucher) the shift may offer', '清楚本班次可以提供哪些补偿（升级、代金券）'),
    (42, 7, 42, 5, 'Hands an open case over to the next shift in writing', '以书面方式把未结案件交接给下一班');

INSERT INTO training_modules (id, seed_key, industry, refresher_months, position, created_at) VALUES (8, 'industry_postal', 'postal', 12, 8, '2000-01-01T00:00:00Z');
INSERT INTO training_module_versions (id, module_id, version, title_en, title_zh, created_at) VALUES (8, 8, 1, 'Postal and express: handling sender and recipient complaints', '邮政快递：寄件人与收件人投诉处理', '2000-01-01T00:00:00Z');
INSERT INTO training_items (id, version_id, lineage_id, position, text_en, text_zh) VALUES
    (43, 8, 43, 1, 'Checks the tracking record before answering a delay complaint', '回答延误投诉前，先查清物流轨迹'),
    (44, 8, 44, 2, 'Records a loss or damage claim with photos and the packaging', '登记丢失或损坏理赔时，保留照片和包装'),
    (45, 8, 45, 3, 'Explains claim rules and time limits without over-promising', '讲清理赔规则和时限，不过度承诺'),
    (46, 8, 46, 4, 'Knows when the postal regulator may be involved and reports such cases', '清楚何时可能涉及邮政管理部门，并上报此类案件'),
    (47, 8, 47, 5, 'Calls the customer back when the parcel is found or the claim is settled', '包裹找到或理赔完成后，及时回电客户');

-- Twelve seeded role-play scenarios: each customer type in each industry.
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    1, 'property_passive', 'property', 'passive',
    'The leak nobody reported', '没人报修的漏水',
    'A retired teacher in her sixties who lives alone on the 5th floor and hates to cause trouble.', '六十多岁的退休教师，独居五楼，最怕给别人添麻烦。',
    'Water has been dripping from her bathroom ceiling for two weeks. She mentioned it once to a guard, who said he would pass it on. Nothing happened.', '卫生间天花板漏水已经两周。她曾顺口跟保安提过一次，保安说会转告，之后没有下文。',
    'The leak fixed without having to chase anyone, and to know when someone will come.', '希望不用反复催就能修好漏水，并知道维修工什么时候来。',
    'Being asked to fill in forms or come back later; vague answers like ''we will see''.', '让她填表或改天再来；“我们看看吧”之类含糊的回答。',
    'Someone taking charge at once, a fixed time for the visit, being given a simple choice.', '有人当场接手，给出确定的上门时间，让她在简单的选项中挑一个。',
    'Sorry to bother you... it is only a small thing, really. My bathroom ceiling drips a little.', '不好意思打扰您……其实是件小事，我家卫生间天花板有点滴水。',
    'An elderly owner comes to the service desk and speaks very softly. Find out what is really wrong and how long it has gone on, and leave her with a concrete plan.', '一位年长的业主来到服务台，说话声音很小。请弄清真正的问题和持续时间，并给她一个具体的安排。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    2, 'property_talker', 'property', 'talker',
    'The parking fee lecture', '停车费的长篇大论',
    'A retired engineer and long-time owner who knows the building rules by heart and likes to talk.', '退休工程师，老业主，对小区规约倒背如流，说话滔滔不绝。',
    'His monthly parking fee rose by 20 yuan. He has a list of other grievances: the lift, the gardens, the last committee meeting.', '他的月停车费涨了20元。此外他还列了一串意见：电梯、绿化、上次业委会会议。',
    'A clear explanation of the new parking fee, and to feel that his opinions are taken seriously.', '希望把新停车费讲清楚，并感到自己的意见被重视。',
    'Being cut off, being told ''that is not my department'', hearing jargon.', '被打断；听到“这不归我管”；满口术语。',
    'Being heard out briefly, having his other points written down for later, a written fee breakdown.', '让他简单说完，把其他意见记下来另行处理，给他一份书面的收费明细。',
    'Young man, sit down, this will take a while. Let me start with the history of this estate.', '小伙子，坐下吧，这事得从头说起。先说说咱们小区的历史。',
    'An owner wants to discuss his parking fee but keeps widening the topic. Acknowledge him, bring him back to the fee, explain it and agree on what happens to his other points.', '一位业主来谈停车费，却不断扩大话题。请先认可他，再把话题拉回收费问题，解释清楚，并商定其他意见如何处理。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    3, 'property_angry', 'property', 'angry',
    'Water in the flat below', '楼下被淹',
    'A young father whose new flat was flooded from a burst pipe in the shared riser while the family was away.', '年轻的父亲，全家外出时公共管井爆管，新装修的房子被水泡了。',
    'He came home to swollen wooden floors. He storms into the lobby during the busy evening hour, shouting.', '回家发现木地板全部泡胀。傍晚高峰时他冲进大堂大声嚷嚷。',
    'Someone to admit responsibility now, and the damage paid for.', '要求物业当场承认责任，并赔偿损失。',
    'Being told to calm down, excuses about the pipe''s age, staff whispering to each other.', '被要求“冷静一点”；拿管道老化当借口；工作人员交头接耳。',
    'Being taken to a quiet room, being allowed to finish, a visit to the flat within the hour.', '被请到安静的房间，让他把话说完，一小时内派人上门查看。',
    'Who is in charge here? My whole floor is ruined and you lot are sitting drinking tea!', '这里谁负责？我家地板全泡了，你们还坐在这儿喝茶！',
    'An owner is shouting in a full lobby. Move the conversation somewhere quiet, let him vent, find the facts and agree the next step without promising compensation you cannot approve.', '一位业主在人多的大堂大声吵闹。请把谈话转到安静的地方，让他发泄，查清事实并约定下一步，不要承诺你无权批准的赔偿。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    4, 'property_activist', 'property', 'activist',
    'The owners'' group letter', '业主联名信',
    'A lawyer by training who organises the owners'' chat group and arrives with a folder of photos and a signed letter.', '学法律出身，业主群的组织者，带着一沓照片和一封联名信而来。',
    'The garage has been flooding after every heavy rain for a year. Thirty households signed her letter.', '一年来每逢大雨地下车库就积水。三十户业主在她的信上签了名。',
    'On paper: a repair plan with dates. Underneath: recognition as the owners'' spokesperson.', '明面上：一份有日期的整改方案。实际上：希望被认可为业主代表。',
    'Evasive answers, being passed to someone junior, any hint that the letter will be ignored.', '回避问题；被推给级别更低的人；任何暗示这封信会被搁置的说法。',
    'Careful listening, a named contact, a date for the next meeting, regular updates.', '认真倾听；指定专人对接；约定下次会面的日期；定期通报进展。',
    'I have copied this letter to the housing bureau and a reporter I know. I suggest you read it carefully.', '这封信我已经抄送住建局和一位记者朋友了，建议你们仔细看看。',
    'A well-prepared owner representing many households threatens the press. Treat her with great care, keep expectations reasonable, and leave her with a named contact and a date.', '一位代表多户业主、准备充分的业主扬言找媒体。请格外谨慎地应对，把期望引导到合理范围，并给她指定对接人和日期。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    5, 'hotel_passive', 'hotel', 'passive',
    'The quiet guest in room 812', '812房的安静客人',
    'A young business traveller on her first work trip, polite and shy.', '第一次出差的年轻职员，礼貌而腼腆。',
    'Her room smells of smoke although she booked non-smoking. She slept badly but did not call.', '她订的是无烟房，房间却有烟味。她一夜没睡好，但没有打电话。',
    'A clean room tonight, without a fuss.', '今晚能换一间干净的房间，不想闹大。',
    'Being asked whether she is sure, being made to wait at the desk.', '被反问“您确定吗”；被晾在前台等候。',
    'An immediate offer of two or three rooms to choose from, a small apology gesture.', '立即给出两三间房让她挑选，外加一点小小的致歉心意。',
    'Excuse me, it is probably nothing, but... is it normal for a non-smoking room to smell a bit?', '打扰一下，可能没什么……无烟房有点味道，正常吗？',
    'A guest mentions a problem almost in passing at check-out time. Notice it, take the first step and give her concrete choices.', '一位客人几乎是顺口提到一个问题。请留意到它，主动出手，并给她具体的选择。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    6, 'hotel_talker', 'hotel', 'talker',
    'The breakfast critic', '早餐点评家',
    'A frequent guest who writes travel reviews and compares every hotel he stays in.', '常住客，爱写旅行点评，喜欢拿每家酒店作比较。',
    'The breakfast ran out of eggs at 9:15. He also has views on the towels, the lighting and the music.', '九点一刻早餐的鸡蛋就没了。他对毛巾、灯光和背景音乐也颇有看法。',
    'To be heard and to feel his stay is valued; a sensible answer about breakfast.', '希望被倾听，感到自己受重视；对早餐问题有个合理的答复。',
    'Being hurried, defensive replies, arguing about the other hotels.', '被催促；防御性的回答；和他争论别家酒店。',
    'Being thanked for the feedback, a concrete change for tomorrow''s breakfast, a follow-up before check-out.', '感谢他的意见；明天早餐的具体改进；退房前再跟进一次。',
    'Do you have a minute? I have stayed in forty hotels this year and I must tell you about yours.', '有空吗？我今年住过四十家酒店，一定要跟你说说你们家。',
    'A talkative guest mixes one real complaint with many opinions. Acknowledge him, find the concrete problem, hold the line where he asks too much, and agree a follow-up.', '一位健谈的客人把一个真实投诉和许多意见混在一起。请认可他，找出具体问题，对过高要求守住底线，并约定跟进。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    7, 'hotel_angry', 'hotel', 'angry',
    'Double-charged at check-out', '退房被重复扣款',
    'A sales manager in a hurry to catch a flight, with a queue of guests behind him.', '赶飞机的销售经理，身后排着一队客人。',
    'His card was charged twice for the same stay. He notices as he checks out.', '同一笔房费在他的卡上扣了两次，退房时才发现。',
    'The double charge reversed now, and an apology.', '立刻退回重复的扣款，并得到道歉。',
    'Being told it will take 7 to 15 working days without explanation; being kept in front of the queue.', '只听到“7到15个工作日”而没有解释；被留在队伍前面僵持。',
    'Being taken aside, a printed proof of the reversal, a colleague handling the queue.', '被请到一旁；拿到退款凭证的打印件；另有同事接待排队客人。',
    'You have taken my money twice! Is this how you treat your guests? I want it back right now!', '你们扣了我两次钱！就这么对待客人？马上给我退回来！',
    'An angry guest shouts at the front desk in front of other guests. Separate him from the queue, listen, confirm the facts, and explain exactly what you will do and when.', '一位愤怒的客人在前台当着其他客人大声质问。请把他和排队人群分开，倾听、核实事实，并说明你具体会做什么、何时完成。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    8, 'hotel_activist', 'hotel', 'activist',
    'The review threat', '差评威胁',
    'A guest with a large following on a travel platform, calm and very precise.', '在旅行平台上有大量粉丝的客人，冷静而措辞精确。',
    'She found a hair in the bathroom and has photos with timestamps. She mentions her followers twice.', '她在浴室发现头发，拍了带时间的照片，两次提到自己的粉丝。',
    'Officially: an apology. Really: a free night or an upgrade, without asking for it directly.', '表面上：一个道歉。实际上：想要免单或升级，但不直说。',
    'Being treated as a blackmailer, being offered something and then having it withdrawn.', '被当成敲诈者对待；给出的补偿又被收回。',
    'Sincere apology, the problem fixed, a reasonable gesture within policy, personal contact from a manager.', '真诚致歉，问题解决，在规定范围内给予合理补偿，经理亲自联系。',
    'I have these photos ready to post. I would rather hear what you have to say first.', '这些照片我随时可以发出去，不过想先听听你们怎么说。',
    'A guest hints at a public bad review. Stay calm and careful, find her real demand, bring it down to what policy allows, and keep in close contact.', '一位客人暗示要公开发差评。请保持冷静谨慎，找出她真正的诉求，引导到规定允许的范围，并保持密切联系。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    9, 'postal_passive', 'postal', 'passive',
    'The parcel that never came', '迟迟未到的包裹',
    'A student who ordered a textbook for an exam next week; nervous in front of the counter.', '下周要考试的学生，订了一本教材，站在柜台前有些紧张。',
    'Tracking has said ''out for delivery'' for four days. He has checked twice a day.', '物流信息显示“派送中”已经四天，他每天查两次。',
    'To know where the book is and when he will get it.', '想知道书在哪儿，什么时候能拿到。',
    'Being told to phone a hotline, shrugging, ''it will come''.', '被打发去打客服电话；对方耸耸肩说“会到的”。',
    'Someone checking the system while he waits, two options (collect or deliver tomorrow), a phone call when it is found.', '当场帮他查系统；给出两个选择（自取或明天送）；找到后打电话通知他。',
    'Um, sorry, my parcel... the app says it is coming, but it has said so since Monday.', '嗯，不好意思，我的包裹……软件上说在派送，可从周一就一直这么显示。',
    'A hesitant customer asks about a late parcel. Take the lead, check the record at once and give him clear options.', '一位犹豫的客户询问迟到的包裹。请主动接手，立即查询记录，并给他清楚的选择。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    10, 'postal_talker', 'postal', 'talker',
    'Fees and the old days', '运费与从前',
    'A small shop owner who has sent parcels from this outlet for ten years and remembers every price change.', '小店店主，在这个网点寄件十年，记得每一次涨价。',
    'Her usual parcel to her sister now costs 6 yuan more because of a new weight band.', '她常寄给妹妹的包裹因为新的计重档位要多付6元。',
    'An explanation she can follow, and to be treated as a regular customer.', '想要一个听得懂的解释，并被当作老顾客对待。',
    'Being told ''head office decides'', impatience, the queue being used as an excuse.', '“总部定的”；不耐烦；拿排队当借口。',
    'A short explanation with the actual weight bands, a tip on packing to stay in the lower band, thanks for her loyalty.', '用实际计重档位简单说明；提示怎样打包能留在低档；感谢她的长期支持。',
    'Ten years I have come here. Ten years! In the old days the man at this counter knew my name.', '我在这儿寄了十年了，十年！以前这柜台的师傅都叫得出我的名字。',
    'A regular customer complains about a fee and drifts into the past. Acknowledge her, bring her back to the fee, explain it plainly and thank her.', '一位老顾客抱怨运费并不断忆旧。请认可她，把话题拉回运费，讲清楚，并感谢她。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    11, 'postal_angry', 'postal', 'angry',
    'The broken vase', '摔碎的花瓶',
    'A man who sent his late mother''s vase to his daughter; it arrived in pieces.', '他把已故母亲留下的花瓶寄给女儿，收到时已经碎了。',
    'The box was marked fragile. His daughter sent him a photo of the shards this morning.', '箱子上贴了易碎标签。今早女儿发来了碎片的照片。',
    'Someone to take responsibility; the money matters less than being respected.', '要有人承担责任；钱是其次，关键是被尊重。',
    'Quoting the claim limit first, doubting that the packing was good enough.', '一上来就报理赔上限；质疑他的包装不合格。',
    'Sincere sympathy for what the vase meant, a claim opened on the spot, a clear account of the next steps.', '真诚体谅花瓶对他的意义；当场受理理赔；清楚说明后续步骤。',
    'You people smashed my mother''s vase! Do you have any idea what that was worth to me?', '你们把我母亲的花瓶摔碎了！你们知道它对我意味着什么吗？',
    'A grieving customer is furious about a damaged parcel. Deal with his feelings first, listen without rebutting, then open the claim and explain the rules honestly.', '一位悲伤的客户因包裹损坏而暴怒。请先照顾他的情绪，倾听而不反驳，再受理理赔并如实说明规则。',
    '2000-01-01T00:00:00Z');
INSERT INTO drill_scenarios (id, seed_key, industry, customer_type, title_en, title_zh, who_en, who_zh, happened_en, happened_zh, wants_en, wants_zh, angrier_en, angrier_zh, calmer_en, calmer_zh, opening_en, opening_zh, briefing_en, briefing_zh, created_at) VALUES (
    12, 'postal_activist', 'postal', 'activist',
    'The regulator complaint', '向邮政管理部门投诉',
    'An online seller who has lost three parcels this quarter and knows the consumer rules well.', '网店卖家，本季度已丢了三个包裹，对消费者权益规定了如指掌。',
    'Her third lost parcel was worth 800 yuan. She has already drafted a complaint to the postal regulator.', '第三个丢失的包裹价值800元。她已经写好了给邮政管理部门的投诉。',
    'Said: full compensation. Unsaid: a better contract rate for her shop.', '明说：全额赔偿。没说：想为她的网店争取更优惠的协议价。',
    'Being lectured about the rules, being promised something that is later taken back.', '被反过来讲规定；得到的承诺后来又被收回。',
    'Taking her seriously, a manager in the conversation, a written timetable for the claim, regular calls.', '认真对待；经理参与沟通；书面的理赔时间表；定期回电。',
    'This is the third time. I have the regulator''s complaint form filled in. Give me one reason not to send it.', '这已经是第三次了。给邮政管理部门的投诉表我都填好了，给我一个不寄出去的理由。',
    'A prepared customer threatens the regulator. Treat her with great care, find what she really wants, keep the promise within what you can deliver, and stay in close contact.', '一位有备而来的客户扬言向监管部门投诉。请格外谨慎地应对，找出她的真实诉求，只承诺能兑现的事，并保持密切联系。',
    '2000-01-01T00:00:00Z');
