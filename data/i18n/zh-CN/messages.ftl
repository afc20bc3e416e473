# trialscreen 的简体中文用语。术语见 docs/zh-CN-glossary.md（待临床医师审阅）。
# 与 ../en/messages.ftl 的消息 id 和占位符一一对应。

## 标准状态
status-met = 符合
status-not-met = 不符合
status-not-excluded = 未排除
status-excluded = 排除
status-missing = 缺失
status-judgment = 需要判断
status-not-applicable = 不适用
status-overridden = 酌情符合

## 结论
verdict-eligible = 合格
verdict-eligible-available = 按现有标准合格
verdict-ineligible = 不合格
verdict-incomplete = 不完整

## 标准类别
kind-inclusion = 入选
kind-exclusion = 排除
heading-inclusion = 入选标准
heading-exclusion = 排除标准

## 菜单
menu-file = 文件
menu-new-screening = 新建筛选
menu-open = 打开…
menu-open-recent = 最近打开
menu-no-recent = 没有最近的筛选记录
menu-open-example = 打开示例
menu-sessions = 筛选记录…
menu-save = 保存
menu-save-as = 另存为…
menu-print = 打印…
menu-close-session = 关闭筛选记录
menu-quit = 退出
menu-session = 筛选记录
menu-sign = 签署…
menu-amend = 修订…
menu-create-identity = 创建签名身份…
menu-view = 视图
menu-theme-light = 浅色
menu-theme-dark = 深色
menu-theme-system = 跟随系统
menu-zoom-in = 放大
menu-zoom-out = 缩小
menu-zoom-reset = 实际大小
menu-protocols = 方案…
menu-language = 语言

## 打印件
pdf-title = 筛选小结
pdf-participant-code = 受试者编号
pdf-investigator = 研究者
pdf-screening-date = 筛选日期
pdf-consent-date = 知情同意日期
pdf-enrollment-date = 入组 / 首次给药
pdf-printed = 打印时间
pdf-session-file = 筛选记录文件
pdf-status = 状态
pdf-criterion = 标准
pdf-deciding-values = 判定依据、决定；原文
pdf-source = 原文
pdf-interpretation = 解读
pdf-page = 第{ $page }页，共{ $pages }页

## 标准列表的筛选与待补充项
filter-all = 全部
filter-not-met = 不符合
filter-missing = 缺失
filter-judgment = 需要判断
filter-overridden = 酌情符合
filter-out-of-date = 已失效
still-needed-count = 待补充（{ $count }）
still-needed-nothing = 无
still-needed-hint = 有助于判定{ $criteria }条标准；点击转到该字段
and-more = 另有{ $more }项

## 表单的访视部分
visit-heading = 访视
visit-participant-code = 受试者编号
visit-investigator = 研究者
visit-screening-date = 筛选日期
visit-consent-date = 知情同意日期
visit-enrollment-date = 计划入组或首次给药日期
visit-protocols = 方案

## 解释：判定依据周围的用语
explain-question = 需研究者判断：{ $question }
explain-judged = 已判断：{ $question }
explain-not-entered = { $what }未录入
explain-no-exposure = 治疗史中无相应治疗
explain-no-history = 治疗史未录入
explain-no-consent-date = 知情同意日期未录入
answer-yes = 是
answer-no = 否
answer-unknown = 回答为不详
answer-never = 从未
answer-ongoing = 持续中
answer-ongoing-since = 自{ $date }起持续
answer-date-unknown = 是，日期不详
exposure-unchanged-since = ，自{ $date }起剂量未变
exposure-ongoing = ，正在使用
exposure-last-dose = ，末次给药{ $date }
exposure-dates-missing = （日期或剂量未录入）
frequency-once-daily = 每日1次
frequency-twice-daily = 每日2次
frequency-three-times-daily = 每日3次
frequency-four-times-daily = 每日4次
frequency-weekly = 每周1次
frequency-every-two-weeks = 每2周1次
frequency-every-four-weeks = 每4周1次
frequency-monthly = 每月1次
response-inadequate = 疗效不佳
response-intolerant = 不耐受
response-adequate = 疗效充分

## 表单字段
option-yes = 是
option-no = 否
option-unknown = 不详
field-date = 日期
field-clear = 清除
explain-age = 年龄
explain-at = （{ $anchor }时）
explain-at-date = （{ $anchor }时，{ $date }）
anchor-screening = 筛选
anchor-consent = 知情同意
anchor-enrollment = 入组 / 首次给药
unit-years = { $n }岁
unit-months = { $n }个月
unit-points = { $n }分

## 开始页
start-intro = 筛选工作站：录入一次受试者资料，即可查看所选方案的每一条标准。
start-open-session = 打开筛选记录
start-recent = 最近的筛选记录
start-sessions-folder = 筛选记录文件夹
start-examples = 示例（作为模板打开）
start-cohort = 队列
start-screening = 开始筛选
hint-participant-code = 筛选编号，切勿填写姓名
hint-date = YYYY-MM-DD
hint-not-yet-known = 尚未确定
hint-name = 姓名

## 对话框
dialog-cancel = 取消
dialog-close = 关闭
dialog-reason = 理由
dialog-investigator-name = 研究者姓名
override-title = 酌情决定 { $criterion }：{ $title }
override-not-needed = 该标准已不再不符合，无需酌情决定。
override-conditions = 方案规定的条件
override-refused = 方案不允许此酌情决定：{ $why }
override-answer-all = 请回答每个问题后再记录酌情决定。
override-give-reason = 请填写理由后再记录酌情决定。
override-record = 记录酌情决定
judgment-title = 判断 { $criterion }：{ $title }
judgment-interpretation = 解读：{ $interpretation }
judgment-record = 记录判断

## 页眉
header-participant = 受试者 { $code }
header-example = 示例：保存时将要求另存为新文件
header-screening = 筛选 { $date }
header-consent = 知情同意 { $date }
header-enrollment = 入组 { $date }
header-enrollment-unknown = 入组日期尚未确定
filter-f8 = F8：下一项待定
filter-f8-at = F8：下一项待定（当前 { $protocol } { $criterion }）

## 以文字书写的单位（mg/dL 等符号在各语言中相同）
unit-word-years = 年
unit-word-months = 个月
unit-word-points = 分
unit-word-titer = 滴度
