"""Lines that are the publishing site's, not the report's: skipped before reading.

Document-sharing sites wrap a report in download banners (`资源ID`, `下载积分`,
`由会员分享,可在线阅读`), page thumbnails (`报告.docx_第3页`, `第3页 / 共13页`); portals
add breadcrumbs, share and font-size buttons and date banners (`今天是:…`). These lines
are short and made of a small set of words; matching is on the folded text, so the
traditional-character mirrors of the same sites are recognised too.
"""

from __future__ import annotations

import re

from jixiao.ingest.fold import simplify

_MARKERS = (
    "资源ID", "资源大小", "全文页数", "资源格式", "下载积分", "快捷下载", "会员登录下载", "微信登录下载", "三方登录下载",
    "微信扫一扫登录", "友情提示", "本站不支持", "本站资源下载后", "PDF文件下载后", "试题试卷类文档", "上传人:",
    "上传时间:", "下载 相关 举报", "该文档总共", "资源描述", "由会员分享,可在线阅读", "当前位置:", "当前位置：",
    "您当前所在位置", "分享到", "语音播报", "浏览次数", "阅读次数", "点击数", "适老化专区", "无障碍浏览", "今天是:",
    "查政策, 找服务", "【字体", "字号:", "字号 :", "【 字号", "打印本页", "关闭窗口", "扫一扫在手机",
)
_CHROME = ("政府信息公开", "信息公开", "政务公开", "通知公告", "文旅动态", "首页", "打印", "关闭", "分享:", "摘要信息",
           "预决算与三公经费", "相关单位:")
_SOURCE = re.compile(r"(?:来源|发布机构|发文单位|发布单位)\s*[:：]")
_THUMBNAIL = re.compile(r"(?:\.(?:docx?|pdf|wps|xlsx?)_第\d+页|^第\d+页\s*/\s*共\d+页$)")
_BULLET = re.compile(r"^[-•·\s]*$")


def is_furniture(text: str) -> bool:
    """A line of the site around the report (banner, thumbnail, button), not of the report."""
    folded = simplify(text).strip()
    if not folded or _BULLET.match(folded):
        return True
    if _THUMBNAIL.search(folded):
        return True
    if "首页" in folded and (">" in folded or "/" in folded) and len(folded) <= 80:  # breadcrumbs
        return True
    if _SOURCE.search(folded):  # a line naming the publisher is metadata, not furniture
        return False
    if "由会员分享" in folded and "可在线阅读" in folded:
        return True
    if folded in _CHROME:
        return True
    return len(folded) <= 160 and any(marker in folded for marker in _MARKERS)
