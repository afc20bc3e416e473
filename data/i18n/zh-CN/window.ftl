# window: the dialogs, notices, the session browser, the treatment table and the instrument checklists. See messages.ftl for the conventions.

## 对话框共用
dialog-ok = 确定
dialog-passphrase = 口令

## 另存为
saveas-title = 将筛选另存为
saveas-folder = 文件夹
saveas-choose-folder = 选择文件夹…
saveas-file-name = 文件名
saveas-enter-name = 请输入文件名
saveas-no-slash = 文件名不能包含 / 或 \（请用“选择文件夹…”选择文件夹）
saveas-exists = { $path } 已存在：请换一个文件名

## 未保存的更改
unsaved-title = 未保存的更改
unsaved-text = { $name } 有尚未保存的更改。
unsaved-discard = 放弃更改

## 恢复
recovery-title = 发现未保存的工作
recovery-text = { $app } 在保存这些更改之前停止运行。
recovery-never-saved = { $code }（从未保存）
recovery-journalled = 记录于 { $time }
recovery-restore = 恢复
recovery-restore-name = 恢复 { $name }
recovery-discard = 放弃
recovery-discard-name = 放弃 { $name }
recovery-later = 稍后决定

## 重新筛选
rescreen-same-version = 将按现在加载的本中心词表评估 { $title } 第{ $version }版：其使用的某个条目、药物、类别或单位的含义自筛选以来已改变。
rescreen-newer = 将按第{ $newer }版而非第{ $screened }版评估 { $title }。第{ $newer }版更正了以下解读：
rescreen-same-consequence = 所依据事实已改变的酌情决定和判断将失效，需要重新决定。重新筛选会记入稽查轨迹。
rescreen-newer-consequence = 按第{ $screened }版记录的酌情决定和判断将失效，需要重新决定。重新筛选会记入稽查轨迹。
rescreen-button = 重新筛选

## 撤回
withdraw-override-title = 撤回 { $criterion } 的酌情决定
withdraw-judgment-title = 撤回 { $criterion } 的判断
withdraw-override-text = 该酌情决定及撤回理由将保留在稽查轨迹中。
withdraw-judgment-text = 该判断及撤回理由将保留在稽查轨迹中。
withdraw-reason = 撤回理由
withdraw-button = 撤回

## 修订
amend-title = 修订已签署的筛选
amend-text = 重新打开后，签名不再覆盖该筛选记录；签名保留在稽查轨迹中。
amend-by = 修订人
amend-reason = 修订理由
amend-button = 重新打开以修订

## 签署
sign-title = 签署筛选
sign-refused = ✖ 目前无法签署：{ $why }
sign-saves = 签署后筛选记录立即保存，随后为只读；之后的任何更改都需要附理由的修订。
sign-by = 签署人
sign-meaning-heading = 您的签名表示
sign-own-words = 用我自己的话：
sign-own-words-field = 签名的含义
sign-not-decided = 尚未判定（{ $count }）：签署即表示您确认这些标准尚未判定。
sign-acknowledge = 我确认这些标准尚未判定
sign-button = 签署并保存
sign-meaning-eligible = 合格性评估已完成：受试者符合上述方案的要求
sign-meaning-screen-failure = 确认筛选失败：受试者不符合上述方案的要求
sign-meaning-reviewed-undecided = 筛选已审阅：合格性尚未确定；尚未判定的标准已在下方确认
sign-meaning-reviewed = 我确认上述合格性评估
sign-acknowledged = { $statement }。确认尚未判定：{ $criteria }
sign-acknowledged-separator = ；

## 签名身份
identity-title = 创建签名身份
identity-text = 您的签名使用保存在本计算机上的密钥，该密钥由您的口令加密（至少{ $min }个字符）。每次签署都需要输入口令；口令遗忘后无法找回。
identity-name = 姓名
identity-passphrase-again = 再次输入口令
identity-create = 创建
identity-created = 已为 { $name } 创建签名身份：密钥 { $fingerprint }。请将此公钥交给本中心登记：{ $key }

## 打印
print-title = 打印筛选小结
print-unsaved = ⚠ 筛选记录有未保存的更改：小结会显示这些更改，但其文件名和哈希值属于未保存的记录。请先保存，以打印磁盘上的内容。
print-paper = 纸张
print-letter = 美国信纸
print-written-to = PDF 将写入 { $path }
print-write = 生成 PDF
print-open = 在查看器中打开
print-sending = 正在发送到打印机…
print-send = 发送到打印机
print-written = ✔ 已写入：{ $path }
print-sent = 已发送到打印机
print-refused = 打印系统拒绝了该任务（{ $status }）
print-unreachable = 无法连接打印系统：{ $error }
print-no-viewer = 无法启动查看器（{ $error }）；PDF 位于 { $path }
print-cannot-create = 无法创建 { $folder }：{ $error }
print-no-session = 没有打开的筛选记录

## 方案
protocols-title = 方案
protocols-protocol = 方案
protocols-version = 版本
protocols-criteria = 标准
protocols-source = 来源
protocols-bundled = 内置
protocols-site = 本中心：{ $file }
protocols-site-vocabulary = 本中心词表
protocols-vocabulary-added = ✔ { $file }：已添加到内置词表
protocols-not-loaded = 未能加载的本中心文件

## 问题与提示
problem-example-title = 无法打开示例
problem-no-example = 没有示例 { $file }
problem-read-only-title = 此文件以只读方式打开
problem-read-only = 此文件不能在这里更改、保存或签署，以免其封印为被截断或回退的内容作担保。请找到该文件的最新版本；`{ $command }` 的结论相同。
problem-open-title = 无法打开筛选记录
problem-not-saved-title = 筛选记录未保存
problem-not-saved-advice = 筛选记录仍然打开，其恢复日志保留了这些更改。请用“另存为…”保存到其他位置。
problem-journal-title = 无法读取恢复日志
problem-journal-left = 已保持原样：
notice-journal-cannot-write = 无法写入恢复日志：{ $error }
notice-stale = 已删除中断的保存留下的{ $count }个临时文件（筛选记录文件本身完整）：{ $files }
notice-site-problems = { $count }个本中心方案文件未能加载；其他试验可用。见“视图 → 方案…”
notice-saved = 已保存到 { $path }
notice-signed = 已签署并保存到 { $path }
notice-amended = 已重新打开以修订并保存到 { $path }
notice-journal-left = ；无法删除恢复日志（{ $left }）
notice-ledger-problem = ；⚠ 本计算机的见证账本未能记录此次保存（{ $problem }），因此此处无法发现日后回退到之前版本的情况
notice-journal-not-removed = 无法删除恢复日志：{ $error }
notice-not-saved = 未保存（见提示信息）
notice-no-file-dialog = 此桌面无法显示文件对话框（没有桌面门户或 { $tool }）。请通过“文件 → 筛选记录…”浏览，或以 `{ $command }` 启动。

## 文件对话框
filedialog-filter = { $app } 筛选记录
filedialog-open-title = 打开筛选记录
filedialog-folder-title = 选择文件夹

## 标题行与筛选记录窗口
header-amend = 修订…
header-sign = 签署…
header-signed = ✔ 由 { $by } 于 { $time } 签署
header-contradicts = 只读：筛选记录自相矛盾
header-read-only = ✖ 只读：{ $why }
browser-window-title = 筛选记录

## 筛选记录浏览
browser-choose-folder-name = 选择筛选记录文件夹…
browser-refresh = 刷新
browser-filter = 过滤
browser-filter-hint = 编号、方案、结论、日期
browser-filter-name = 过滤筛选记录
browser-reading-count = 正在读取文件夹：第{ $read }个，共{ $listed }个筛选记录文件…
browser-reading = 正在读取文件夹…
browser-cache-problem = ⚠ { $problem }；文件本身已读取
browser-empty = 此文件夹中还没有筛选记录文件。
browser-counts = 筛选日志计数
browser-participant = 受试者
browser-screening-date = 筛选日期
browser-file = 文件
browser-page = 筛选记录 { $first }–{ $last }，共{ $count }个
browser-previous = 上一页
browser-previous-name = 上一页筛选记录
browser-next = 下一页
browser-next-name = 下一页筛选记录
browser-sort-participant = 按受试者排序
browser-sort-date = 按筛选日期排序
browser-sort-file = 按文件排序
browser-verdicts = 结论
browser-signed = 已签署
browser-open = 打开
browser-open-name = 打开 { $file }

## 治疗史
treatment-attest = 确认完整
treatment-attest-hint = 以您的名义记录：治疗史已列出所有治疗
treatment-none = 未录入治疗。
treatment-remove = 删除
treatment-remove-name = 删除 { $name }
treatment-start = 开始
treatment-start-name = { $name } 开始日期
treatment-last-dose = 末次给药
treatment-last-dose-name = { $name } 末次给药
treatment-ongoing-name = { $name } 正在使用
treatment-dose = 剂量
treatment-dose-name = { $name } 剂量
treatment-unit-name = { $name } 剂量单位
treatment-frequency-name = { $name } 频次
treatment-since = 剂量未变自
treatment-since-name = { $name } 剂量未变自
treatment-response = 疗效
treatment-not-entered = 未录入
treatment-response-name = { $name } 疗效
treatment-keep-dates = 保留这些日期
treatment-dose-above-zero = 剂量必须大于0
treatment-dose-invalid = 剂量：{ $message }
treatment-add = 添加治疗
treatment-search-hint = 搜索通用名或商品名
treatment-search-name = 搜索药物目录
treatment-search-keys = ↑ ↓ 选择匹配项，按回车键添加
treatment-no-match = 药物目录中没有与“{ $query }”匹配的药物。
treatment-add-agent = 添加 { $agent }

## 表单字段
field-date-name = { $item } 日期
field-keep-date = 保留此日期
field-keep-typed = 保留所输入的{ $value }
field-use-unit = 改用 { $unit }
field-uln = ULN
field-uln-name = { $item } ULN
field-unit-name = { $item } 单位
field-option-name = { $item }：{ $option }
field-titer-hint = 1:80 或 阴性
event-never = 从未
event-on-date = 于某日
event-ongoing = 持续中
event-date-unknown = 日期不详
event-since = 起始
event-since-name = { $item } 起始日期
method-name = { $item } 检测方法
method-unknown = 方法…？
method-by = 采用{ $method }
method-hint = 结果的获得方法：一条标准可能只认可一种方法

## 量表清单
checklist-score = 评分{ $score }
checklist-score-range-one = 评分{ $min }–{ $max }（1项未评估）
checklist-score-range = 评分{ $min }–{ $max }（{ $count }项未评估）
checklist-cannot-score = 无法计分：{ $error }
checklist-items = 条目
checklist-items-name = { $item } 的条目
checklist-outside = { $item } { $value } { $unit } 超出 { $min }–{ $max } { $unit }
checklist-invalid = { $item }：{ $message }
checklist-unverified = 权重未核实
checklist-unverified-hint = 此条目的权重未与官方表格核对。
checklist-present = 有
checklist-absent = 无
checklist-not-assessed = 未评估
checklist-classification = ，{ $words }
checklist-classified = 符合分类
checklist-not-classified = 不符合分类
checklist-entry-not-met = 未满足准入标准：该分类标准不适用
checklist-excluded = 排除：适用该分类标准的某项排除条件
checklist-undetermined = 未确定：未评估的条目可能改变结果

## 筛选记录浏览的扫描
browser-no-thread = 文件夹未使用后台线程读取：{ $error }
browser-cache-not-written = 无法写入小结缓存：{ $error }
browser-cache-no-key = 无法读取本机安装的密钥，因此不保留小结缓存：{ $error }

## 标准列表的按钮与说明
board-withdraw = 撤回…
board-override = 酌情决定…
board-decide = 判断…
board-study-information = 研究信息
board-none-shown = “{ $filter }”下没有可显示的标准。
board-none-in-source = 来源文档中没有。
board-cohort = 队列：{ $cohort }
board-source-hint = 单击或按回车键，显示或隐藏原文及其解读
board-source-name = { $protocol } { $criterion } 的原文
board-discretion = 原文中的酌情条款：“{ $text }”

## 开始页
start-date-invalid = { $field }：{ $message }
start-enter-screening-date = 请输入筛选日期
start-planned-enrollment = 计划入组日期
start-open-this = 打开此筛选记录

## 访视部分
visit-code-empty = 受试者编号不能为空
visit-enter-investigator = 请输入研究者姓名：每项更改都以此姓名记录。
visit-choose-cohort = 选择队列
visit-cohort-name = { $protocol } 的队列

## 目前无法签署的原因
refusal-read-only = 此文件以只读方式打开：{ $why }
refusal-save-restored = 请先用“保存”保存已恢复的筛选记录，再签署
refusal-save-to-file = 请先将筛选记录保存为文件（另存为…）；签名保存在该文件中
refusal-unsealed-legacy = 筛选记录格式{ $format }的文件没有封印，无法证明其稽查轨迹完整：请与其打印件核对，用“保存”保存它（即在本计算机上封印），然后再签署
refusal-unsealed = 此文件没有封印，无法证明其稽查轨迹完整：请与其打印件核对，用“保存”保存它（即在本计算机上封印），然后再签署

## 其他表单用语
field-clear-name = 清除 { $item }
field-clear-hint = 删除该回答（改为未录入）
override-recorded-not-allowed = 已记录，但方案不允许：{ $why }

## 打开文件时的发现（app/workspace.rs）
integrity-trail-does-not-verify = 稽查轨迹校验未通过：{ $problem }
integrity-unsealed-saving-seals = { $finding }。在此保存即为其加封印。

## 会话浏览器中无法读取的文件（app/session_browser.rs）
browser-not-read = { $problem }；未读取
browser-the-file = 该文件
visit-screening-date-required = 必须填写筛选日期
judgment-choose-outcome = 请选择结果
titer-negative = 阴性
answer-not-entered = 未录入
