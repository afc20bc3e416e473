# cli: what the command line prints (besides the report). See messages.ftl for the conventions.

## verify（校验）
cli-verify-clock-back = ⚠ 第{ $seq }条记录的时间早于其前一条：时钟曾被回拨
cli-verify-intact-signed = ✔ { $file }：完整——稽查轨迹共{ $entries }条，哈希链已校验，数值与重放结果一致；由{ $by }于{ $at }签名（“{ $meaning }”），内容哈希值（SHA-256）{ $hash }
cli-verify-intact-unsigned = ✔ { $file }：完整——稽查轨迹共{ $entries }条，哈希链已校验，数值与重放结果一致；未签名（内容哈希值（SHA-256）{ $hash }）
cli-verify-altered = ✖ { $file }：该记录在本软件之外被改动过
cli-verify-result = 结果：{ $meaning }（退出码{ $code }）
cli-verify-status-intact = 完整
cli-verify-status-altered = 已被改动（哈希链、重放、封印或签名校验失败）
cli-verify-status-unreadable = 无法读取
cli-verify-status-rolled-back = 已回退（早于本机记录的最后一次保存）
cli-verify-status-protocol-changed = 方案已变更（所锁定方案的内容不再一致）
cli-verify-status-identity = 身份无法确认
cli-verify-status-legacy = 旧格式文件或模板文件

## 多个命令共用
cli-site-protocol-not-loaded = ⚠ 未加载研究中心方案{ $file }：{ $problem }
cli-bundled-protocols-defect = 内置方案无法加载（本版本的缺陷）
cli-site-vocabulary-not-used = { $error }；未使用研究中心的词汇表
cli-protocol-folder-unreadable = 无法读取方案文件夹{ $folder }
cli-protocol-folder-not-a-file = 它是{ $kind }；请将其移出方案文件夹
cli-not-utf8 = 无法将{ $path }作为UTF-8文本读取
cli-cannot-write = 无法写入{ $path }
cli-cannot-be-evaluated = 无法评估{ $path }
cli-cannot-be-used = 无法使用{ $path }
cli-removed-temporary = 已删除{ $path }，这是一次中断的保存遗留的临时文件
cli-edit-does-not-verify = { $path }未通过校验（{ $problems }）；请先运行“{ $command }”并解决问题
cli-ledger-unreadable = 无法读取见证账本{ $path }
cli-edit-unverifiable = { $path }：{ $problems }；未作任何更改。请运行“{ $command }”并找到该文件的最新版本
cli-ledger-not-recorded = ⚠ { $path }已保存并封印，但本机的见证账本未能记录此次保存：{ $problem }
cli-unknown-language = “{ $lang }”不是本软件支持的语言：可用{ $en }或{ $zh }
cli-output-is-input = { $path }是输入文件；请另选输出文件
cli-passphrase-stdin-needed = 请通过标准输入提供签名口令，并加上{ $flag }（口令从不作为参数传入，以免被他人看到）
cli-no-signing-identity = 本机（{ $folder }）没有{ $name }的签名身份；请用以下命令创建：{ $command }

## 签署、修订、小结、筛选日志
cli-sign-unknown-statement = “{ $id }”不是签名声明（可选：{ $ids }）
cli-sign-acknowledge = { $refusal }（{ $flag }）
cli-signed = ✔ 已以{ $by }的身份签署{ $file }（密钥{ $key }）；已保存并封印
cli-sign-refused-template = 未签署：{ $why }。如需签署，请先在本软件中将其作为模板打开，另存为新的筛选记录
cli-sign-refused-unsealed = 未签署：{ $why }。如需签署，请将其与打印件核对，在本软件中打开并保存（即在本机封印），然后再签署
cli-amended = ✔ 已重新打开{ $file }以修订；先前的签名保留在稽查轨迹中
cli-amend-refused = 未修订：{ $finding }；请找到该文件已封印的版本
cli-summary-does-not-verify = ⚠ { $file }未通过校验；小结中已注明
cli-summary-written = ✔ { $code }的筛选小结已写入{ $output }
cli-folder-unreadable = 无法读取文件夹{ $folder }
cli-log-written = ✔ 已将{ $count }行写入{ $output }
cli-log-cache-problem = 注意：{ $problem }

## check-protocol（检查方案）
cli-check-name-files = 请指定要检查的方案文件，或用{ $flag }指定研究中心文件夹
cli-check-site-folder = 研究中心文件夹{ $folder }
cli-check-protocol-folder = 方案文件夹{ $folder }
cli-check-no-vocabulary-file = {"  "}– { $file }：无（仅使用内置词汇表）
cli-check-vocabulary-added = ✔ { $file }：已加入内置词汇表
cli-check-also-in = { $file }：方案{ $id }第{ $version }版也在{ $other }中
cli-check-identical-bundled = { $file }：与内置方案{ $id }第{ $version }版完全相同（{ $count }条标准，SHA-256 { $hash }）
cli-check-identical-site = { $file }：与研究中心方案{ $id }第{ $version }版完全相同（{ $count }条标准，SHA-256 { $hash }）
cli-check-differs-bundled = { $file }：声明为方案{ $id }第{ $version }版，该版本已加载（内置：{ $from }），但内容不同：请为其指定新的版本号或新的编号
cli-check-differs-site = { $file }：声明为方案{ $id }第{ $version }版，该版本已加载（研究中心：{ $from }），但内容不同：请为其指定新的版本号或新的编号
cli-check-file-described = { $file }：{ $described }
cli-check-described = { $id }第{ $version }版，{ $count }条标准，SHA-256 { $hash }

## calc（计算器）
cli-calc-unknown-calculator = 未知的计算器“{ $name }”；可用的计算器有：{ $known }
cli-calc-not-key-value = { $calculator }：“{ $arg }”不是{ $form }的形式
cli-calc-duplicate-input = { $calculator }：“{ $key }”给出了不止一次
cli-calc-unknown-input = { $calculator }：未知的输入项“{ $key }”；可用的输入项有{ $accepted }
cli-calc-missing-input = { $calculator }：缺少输入项“{ $key }”（{ $expected }）
cli-calc-number = { $calculator }：“{ $key }={ $value }”无效：{ $advice }
cli-calc-malformed-input = { $calculator }：“{ $key }={ $value }”无效：应为{ $expected }
cli-calc-infinite = { $calculator }：结果过大，无法计算（溢出为无穷大）；请检查输入
cli-calc-no-number = 没有数字
cli-calc-list-usage = 计算器：{ $usage }
cli-calc-list-numbers = 数字请使用小数点；单位紧跟数字，不加空格（{ $examples }）。
cli-calc-instrument-heading = { $name }：{ $label }——每个条目写作{ $form }；未给出的条目视为未评估，评分因此为一个范围
cli-calc-item = {"  "}{ $key }={ $answers }  { $label } [{ $points }]
cli-calc-item-unverified = {"  "}{ $key }={ $answers }  { $label } [{ $points }；未与官方表格核对]
cli-calc-input = {"  "}{ $key }={ $form }  { $help }
cli-calc-input-optional = {"  "}{ $key }={ $form }  { $help }（可选）
cli-calc-range-note = （范围：有条目未评估）
cli-calc-contribution = { $label }：{ $points }。
cli-calc-classification = 分类：{ $classification }。
cli-calc-category = 类别：{ $category }。
cli-calc-published-score = 按已发表规则对所给回答的评分：{ $score }。
cli-calc-unassessed = 未评估且可能改变结果的条目：{ $items }。

## evaluate（评估；共用视图以外的行）
cli-evaluate-does-not-verify = ⚠ 稽查轨迹未通过校验：此文件在本软件之外被改动过（请运行“{ $command }”）。
cli-evaluate-cohort = 队列：{ $cohort }

## --help：各命令与选项的说明
help-trialscreen = 供临床试验研究者使用的筛选工作站：实时评估入选资格、酌情决定、稽查轨迹、可打印的筛选小结。
help-open = 在工作站窗口中打开筛选记录文件。
help-evaluate = 按筛选记录所列方案评估该记录，并列出每一条标准。
help-check-protocol = 检查方案文件：语法、未知条目、单位、重复编号、无法判定的规则。
help-vocabulary = 列出方案规则可使用的全部名称：条目、药物、药物类别、单位、评估工具。
help-new-protocol = 写出一个带注释、可通过方案检查的方案框架，供依据试验原文填写。
help-verify = 校验筛选记录：稽查轨迹、封印、电子签名（对照研究中心名册）、本机见证账本和方案锁定。退出码：0完整，1已被改动，2无法读取，3已回退，4方案已变更，5身份无法确认，6旧格式文件或模板。
help-sign = 对筛选记录进行电子签名（签名身份的口令从标准输入读取）；签署后为只读。
help-amend = 重新打开已签署的筛选记录以修订，并以您的口令签名（原签名保留在稽查轨迹中）。
help-summary = 将筛选记录的可打印筛选小结写成{ $pdf }文件。
help-log = 将一个文件夹中筛选记录的筛选日志写成CSV文件，并打印计数。所有文件均已读取时退出码为0，有文件无法读取时为1（会列出这些文件）。
help-calc = 运行一个临床计算器：“{ $example }”。
help-signer = 本机的签名身份：“{ $create }”，“{ $list }”。
help-signer-create = 创建您的签名身份：一对密钥，其私钥以您的口令加密。每人每台计算机一次。
help-signer-list = 列出本机的签名身份及其密钥指纹。
help-arg-site = 研究中心文件夹：{ $units }、{ $dictionary }和{ $drugs }在内置内容之外增加单位、条目、药物和药物类别；{ $protocols }为研究中心的方案。
help-arg-protocols = 研究中心方案文件（{ $pattern }）所在的文件夹，与内置方案一同加载。
help-arg-lang = 输出文字的语言：{ $en }或{ $zh }（默认依次取{ $variables }；窗口中：视图 → 语言）。JSON的键和取值保持不变。
help-arg-json = 输出JSON而非文本。
help-arg-vocabulary-what = 要列出的内容；省略时列出全部。
help-arg-new-protocol-id = 新方案的编号：小写字母、数字和连字符（“{ $id_example }”）。
help-arg-new-protocol-output = 写入位置；省略时为当前文件夹中的“{ $default }”。不会覆盖已有文件。
help-arg-roster = 研究中心名册（谁持有哪个签名密钥、认可哪些安装）；默认为用户数据文件夹中的{ $file }。
help-arg-sign-by = 签名的研究者，与其签名身份中的姓名一致。
help-arg-sign-meaning = 签名的含义，用您自己的话表述（除非给出{ $flag }）。
help-arg-sign-statement = 改用预设的声明：{ $ids }（每种声明只签署其所述的结论）。
help-arg-sign-acknowledge = 确认所有仍缺失或待判断的标准（未加此项而被拒绝时会列出）；记录中保存所确认的内容。
help-arg-signing-passphrase = 从标准输入读取签名口令（一行）。
help-arg-amend-by = 修订人，与其签名身份中的姓名一致。
help-arg-amend-reason = 已签署的记录必须更改的理由。
help-arg-summary-output = 要写入的PDF文件。
help-arg-log-output = 要写入的CSV文件：每个筛选记录文件的每个方案一行。
help-arg-log-pdf = 同时将计数写成一页{ $pdf }文件。
help-arg-calc-list = 列出所有计算器及其输入项。
help-arg-calc-name = 计算器名称，与“{ $command }”所列一致。
help-arg-calc-inputs = 输入项，写作{ $form }。
help-arg-calc-json = 输出JSON：{ $fields }。
help-arg-signer-name = 您的姓名，将显示在您的签名下方和研究中心名册中。
help-arg-signer-passphrase = 从标准输入读取口令（一行）。

## signer（签名身份）、new-protocol（新建方案）、open（打开）
cli-signer-terminal = 标准输入是终端，口令会在输入时显示出来；请改为通过管道传入，例如从密码管理器：“{ $example }”
cli-signer-passphrase-stdin-needed = 请通过标准输入提供口令，并加上{ $flag }（口令从不作为参数传入，以免被他人看到）
cli-signer-created = ✔ 已为{ $name }创建签名身份
cli-signer-fingerprint = 密钥指纹
cli-signer-public-key = 公钥
cli-signer-file = 文件
cli-signer-give-public-key = 请将公钥交给研究中心，以便在名册中将其登记在您的姓名下。每次签名都需要输入口令；口令一旦遗忘将无法找回。
cli-signer-none = 本机（{ $folder }）没有签名身份。请用以下命令创建：{ $command }
cli-signer-created-at = 创建于{ $at }
cli-passphrase-unreadable = 无法从标准输入读取口令
cli-passphrase-too-long = 口令超过{ $max }字节
cli-passphrase-none = 标准输入中没有口令
cli-passphrase-lines = 标准输入包含多行；请只提供口令，且只占一行
cli-passphrase-not-utf8 = 口令不是UTF-8文本
cli-new-protocol-bad-id = “{ $id }”不是方案编号：请使用小写字母、数字和连字符
cli-new-protocol-loaded = 编号为“{ $id }”的方案已加载
cli-new-protocol-exists = { $path }已存在；请另选文件（不会覆盖已有文件）
cli-new-protocol-defect = 方案框架无法编译（本版本的缺陷）
cli-new-protocol-written = ✔ 已写入{ $path }：请依据试验原文填写，然后运行“{ $command }”
cli-window-failed = 工作站窗口无法启动：{ $error }

## vocabulary（词汇表；标题行）
cli-vocabulary-items = 条目（编号 — 类型 [单位] — 名称 — 部分）
cli-vocabulary-drugs = 药物（编号 — 名称 — 类别 — 其他名称）
cli-vocabulary-classes = 药物类别（编号 — 名称 — 药物）
cli-vocabulary-units = 单位（文件中的代码 — 显示形式 — 量纲）
cli-vocabulary-instruments = 评估工具（编号 — 名称 — 条目键）
cli-vocabulary-no-other-names = 无其他名称
cli-calc-creatinine-converted = 肌酐{ $value } { $umol } ÷ { $factor } = { $converted } { $mgdl }（NKDEP/KDIGO换算系数）。
cli-calc-prednisone-title = 泼尼松等效剂量
cli-calc-prednisone-rule = 泼尼松等效剂量 = 剂量 × 5 / 该药物相当于5 { $mg }泼尼松的剂量（口服/静脉）。
cli-calc-prednisone-sum = { $dose } { $mg } × 5 / { $equivalent } { $mg } = { $value } { $mg }。
cli-calc-converted-title = 换算结果
cli-calc-a-unit = 单位，例如{ $units }

## calc：各公式的概述与各输入项的说明
calc-input-creatinine = 血清肌酐，单位为{ $mgdl }或{ $umol }，例如{ $example }
calc-input-age = 小数年龄（岁），例如{ $example }
calc-input-sex = 性别
calc-input-height = 身高（{ $cm }），例如{ $example }
calc-input-weight = 体重（{ $kg }），例如{ $example }
calc-input-weight-basis = 所给体重的类型（默认{ $default }）
calc-input-dose = 糖皮质激素的剂量，例如{ $example }
calc-input-equivalent-dose = 该药物相当于5 { $mg }泼尼松的剂量，见药物目录（{ $methylprednisolone }）
calc-input-value = 数值；除非给出{ $from }，否则需带单位，例如{ $example }
calc-input-from = 数值的单位，例如{ $example }
calc-input-to = 目标单位，例如{ $example }
calc-input-analyte = 在{ $umol }或{ $mmol }与质量单位之间换算时需要
calc-input-excluding = 方案在评分中略去的条目（{ $sle }还可写{ $serology }或{ $laboratory }）
calc-input-only = 只对这些领域评分（方案规定的子集）
calc-summary-ckd-epi = 按{ $ckd_epi }肌酐公式（不含种族因素）计算的估算肾小球滤过率，适用于18岁及以上成人，{ $per_area }
calc-summary-schwartz = 按床旁{ $schwartz }公式计算的估算肾小球滤过率，适用于儿童，{ $per_area }
calc-summary-ckid = 按{ $ckid }肌酐公式计算的估算肾小球滤过率，适用于1岁至未满26岁，{ $per_area }
calc-summary-cockcroft = 按{ $cockcroft }公式计算的肌酐清除率，适用于成人，{ $per_minute }
calc-summary-prednisone = 泼尼松等效剂量，{ $mg }：剂量 × 5 / 等效剂量
calc-summary-convert = 在单位之间换算数值
help-heading-arguments = 参数
help-heading-options = 选项
help-heading-commands = 命令
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-arg-file = 筛选记录文件。
help-arg-folder = 筛选记录文件所在的文件夹。
help-usage = 用法：{ $usage }

## calc：分类结果
cli-calc-classified = 符合分类标准
cli-calc-not-classified = 不符合分类标准
cli-calc-entry-not-met = 未满足入门标准：该分类标准不适用
cli-calc-excluded = 排除：适用该分类标准的一项排除条件
cli-calc-undetermined = 尚未确定：未评估的条目可能改变结果
